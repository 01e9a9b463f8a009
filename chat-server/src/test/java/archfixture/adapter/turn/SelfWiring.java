package archfixture.adapter.turn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deliberately broken: an adapter that wires itself. */
@Configuration
public class SelfWiring {
    @Bean
    TurnThing turnThing() {
        return new TurnThing();
    }
}
