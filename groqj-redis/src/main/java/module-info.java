/** A groqj rate-limit budget shared across JVMs: Bucket4j buckets in Redis, over Lettuce. */
module dev.groqj.redis {
    exports dev.groqj.redis;

    requires transitive dev.groqj.core;
    requires io.github.bucket4j.core;
    requires io.github.bucket4j.lettuce;
    requires lettuce.core;
    requires org.slf4j;
}
