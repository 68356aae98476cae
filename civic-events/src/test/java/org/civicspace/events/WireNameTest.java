package org.civicspace.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.core.JacksonException;

/** Taxonomy values travel by their wire names, and only by those. */
class WireNameTest {

    static final List<Class<? extends Enum<?>>> ENUMS = Contract.WIRE_ENUMS;

    @Test
    void everyWireNameEnumIsKnownToTheTests() {
        List<String> implementations = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.civicspace.events").stream()
                .filter(c -> c.isAssignableTo(WireName.class) && c.isEnum())
                .map(JavaClass::getName).toList();

        assertThat(implementations).containsExactlyInAnyOrderElementsOf(ENUMS.stream().map(Class::getName).toList());
    }

    @ParameterizedTest
    @FieldSource("ENUMS")
    void wireNamesAreDistinctLowerCaseSnakeCase(Class<? extends Enum<?>> type) {
        assertThat(Contract.wireNames(type)).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+(_[a-z]+)*"));
    }

    @ParameterizedTest
    @FieldSource("ENUMS")
    void everyConstantIsFoundByItsWireNameAndWrittenAsIt(Class<? extends Enum<?>> type) throws Exception {
        for (Enum<?> constant : type.getEnumConstants()) {
            String wire = ((WireName) constant).wireName();

            assertThat(fromWire(type, wire)).isSameAs(constant);
            assertThat(Contract.JSON.writeValueAsString(constant)).isEqualTo('"' + wire + '"');
            assertThat(Contract.JSON.readValue('"' + wire + '"', type)).isSameAs(constant);
        }
    }

    @ParameterizedTest
    @FieldSource("ENUMS")
    void anUnknownWireNameThrowsIllegalArgumentExceptionNamingTheAllowedValues(Class<? extends Enum<?>> type) {
        Throwable thrown = catchThrowable(() -> fromWire(type, "no_such_value"));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no_such_value'")
                .hasMessageContaining(String.join(", ", Contract.wireNames(type)));
    }

    @Test
    void theEnumConstantsNameIsNotAWireName() {
        // PEACEFUL_ASSEMBLY is Java's name for it; the wire only knows peaceful_assembly.
        assertThatThrownBy(() -> Freedom.fromWire("PEACEFUL_ASSEMBLY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Freedom.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jacksonRejectsAnUnknownWireNameAndSaysWhichAreAllowed() {
        assertThatThrownBy(() -> Contract.JSON.readValue("\"secret\"", Sensitivity.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("public, restricted, confidential");
    }

    private static Object fromWire(Class<?> type, String wire) throws Exception {
        try {
            return type.getMethod("fromWire", String.class).invoke(null, wire);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
