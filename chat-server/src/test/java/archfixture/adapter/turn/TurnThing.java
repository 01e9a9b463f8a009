package archfixture.adapter.turn;

import archfixture.domain.service.CoreService;

/** Deliberately broken: an adapter that calls the domain service instead of a port. */
public class TurnThing {
    public void use(CoreService service) {
        service.run();
    }
}
