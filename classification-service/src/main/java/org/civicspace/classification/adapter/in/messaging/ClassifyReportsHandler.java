package org.civicspace.classification.adapter.in.messaging;

import java.util.function.Function;

import org.civicspace.classification.application.ClassifyReportUseCase;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.ReportReceived;
import org.civicspace.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The stream function {@code classifyReport}: {@code ReportReceived} in, {@code ReportClassified}
 * out, keyed by primary country so one country's reports stay in order on one partition.
 */
@Configuration(proxyBeanMethods = false)
class ClassifyReportsHandler {

    @Bean
    Function<ReportReceived, Message<ReportClassified>> classifyReport(ClassifyReportUseCase useCase) {
        return received -> {
            ReportClassified classified = useCase.classify(received);
            return MessageBuilder.withPayload(classified)
                    .setHeader(KafkaHeaders.KEY, classified.classification().country())
                    .setHeader(Topics.SENSITIVITY_HEADER, classified.sensitivity().wireName())
                    .build();
        };
    }
}
