package archfixture.adapter.media;

import archfixture.adapter.turn.TurnThing;

/** Deliberately broken: one adapter depending on another. */
public class MediaThing {
    private final TurnThing turn = new TurnThing();
}
