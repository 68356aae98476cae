package org.civicspace.export.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A request whose parameters cannot be used, naming each bad parameter and why. */
public class InvalidParametersException extends IllegalArgumentException {

    private final List<Problem> problems;

    public InvalidParametersException(List<Problem> problems) {
        super(problems.stream().map(p -> p.parameter() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidParametersException(String parameter, String message) {
        this(List.of(new Problem(parameter, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One bad parameter. */
    public record Problem(String parameter, String message) {
    }
}
