/** Micrometer observations from a {@code GroqListener}. */
module dev.groqj.micrometer {
    exports dev.groqj.micrometer;

    requires transitive dev.groqj.core;
    // Micrometer's types are this module's API: registries, observations, key values
    requires transitive micrometer.observation;
    requires transitive micrometer.commons;
    requires transitive micrometer.core;
}
