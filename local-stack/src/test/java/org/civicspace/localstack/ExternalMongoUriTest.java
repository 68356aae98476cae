package org.civicspace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalMongoUriTest {

    @Test
    void givesEachServiceItsOwnDatabaseOnTheNamedServer() {
        assertThat(LocalStack.withDatabase("mongodb://db.example:27017", "civicspace-alert"))
                .isEqualTo("mongodb://db.example:27017/civicspace-alert");
        assertThat(LocalStack.withDatabase("mongodb://db.example:27017/", "civicspace-alert"))
                .isEqualTo("mongodb://db.example:27017/civicspace-alert");
    }

    @Test
    void replacesADatabaseInTheUriAndKeepsItsOptions() {
        assertThat(LocalStack.withDatabase("mongodb://u:p@a:1,b:2/admin?replicaSet=rs0&w=majority", "civicspace-export"))
                .isEqualTo("mongodb://u:p@a:1,b:2/civicspace-export?replicaSet=rs0&w=majority");
        assertThat(LocalStack.withDatabase("mongodb+srv://cluster.example?retryWrites=true", "civicspace-ingest"))
                .isEqualTo("mongodb+srv://cluster.example/civicspace-ingest?retryWrites=true");
    }
}
