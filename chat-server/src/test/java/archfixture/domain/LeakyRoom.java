package archfixture.domain;

/** Deliberately broken: a domain class that depends on Spring. */
@org.springframework.stereotype.Component
public class LeakyRoom {
}
