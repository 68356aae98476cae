package org.civicspace.localstack.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka alone, on the pipeline's broker: our records (the pipeline's own events, serialised) moved
 * from one producer to one consumer through a throwaway topic with as many partitions as ours.
 * The producer is configured as the binder configures ours ({@code acks=all}, {@code linger.ms=0},
 * 16 KiB batches, no compression) but sends without waiting for each answer: this is the limit
 * the pipeline could reach, not a copy of its pace.
 */
final class RawKafka implements AutoCloseable {

    static final String SENT_AT = "bench-sent-at";

    private final Admin admin;
    private final String bootstrap;
    private final String topic = "bench.raw." + UUID.randomUUID();
    private final int partitions;
    private final List<Record> records;

    /** One record to send over and over: its key (a report id or a country) and its bytes. */
    record Record(String key, byte[] value) {
    }

    RawKafka(Admin admin, String bootstrap, int partitions, List<Record> records) throws Exception {
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.records = List.copyOf(records);
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                .get(30, TimeUnit.SECONDS);
    }

    int partitions() {
        return partitions;
    }

    /**
     * Sends as fast as the producer takes them for {@code duration}, and answers records per second
     * from the first send until the consumer has read the last; {@code consumed} is sampled meanwhile.
     */
    double throughput(Duration duration, AtomicLong consumed) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(); KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            AtomicLong sent = new AtomicLong(Long.MAX_VALUE);
            AtomicBoolean failed = new AtomicBoolean();
            long began = System.nanoTime();
            Thread reader = new Thread(() -> {
                while (consumed.get() < sent.get() && !failed.get()) {
                    consumed.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
                }
            }, "bench-raw-consumer");
            reader.start();
            long end = began + duration.toNanos();
            long count = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1_000; i++) {
                    Record record = records.get((int) (count++ % records.size()));
                    producer.send(new ProducerRecord<>(topic, record.key(), record.value()), (metadata, error) -> {
                        if (error != null) {
                            failed.set(true);
                        }
                    });
                }
            }
            producer.flush();
            sent.set(count);
            reader.join(TimeUnit.MINUTES.toMillis(2));
            if (failed.get() || consumed.get() < count) {
                failed.set(true);
                reader.join();
                throw new IllegalStateException("raw Kafka: " + consumed.get() + " of " + count + " records arrived");
            }
            return count / ((System.nanoTime() - began) / 1e9);
        }
    }

    /**
     * Sends {@code perSecond} records a second, evenly, for {@code duration} and records each one's
     * latency from when it was due to be sent until the consumer has it (a producer running late
     * counts against Kafka, not in its favour).
     */
    Latencies latency(double perSecond, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        try (KafkaProducer<String, byte[]> producer = producer(); KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            long total = Math.max(1, (long) (perSecond * duration.toSeconds()));
            AtomicLong received = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (received.get() < total && !stop.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        Header sentAt = record.headers().lastHeader(SENT_AT);
                        latencies.record(now - ByteBuffer.wrap(sentAt.value()).getLong());
                        received.incrementAndGet();
                    }
                }
            }, "bench-raw-consumer");
            reader.start();
            long began = System.nanoTime();
            double interval = 1e9 / perSecond;
            for (long k = 0; k < total; k++) {
                long due = began + (long) (k * interval);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Record record = records.get((int) (k % records.size()));
                ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, record.key(), record.value());
                message.headers().add(SENT_AT, ByteBuffer.allocate(Long.BYTES).putLong(due).array());
                producer.send(message);
            }
            producer.flush();
            reader.join(TimeUnit.SECONDS.toMillis(60));
            stop.set(true);
            reader.join();
        }
        return latencies;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 16_384);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-producer");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer of every partition of the topic, from its start, outside any group. */
    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-consumer");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topic, p));
        }
        consumer.assign(all);
        return consumer;
    }

    @Override
    public void close() throws Exception {
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    }

}
