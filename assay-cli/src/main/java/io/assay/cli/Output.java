package io.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.api.Wire;

import java.io.PrintWriter;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Prints a command's result for a person, or as JSON for a machine (--json); progress goes to stderr. */
public final class Output {
    /** The API's own mapping (snake_case), indented: --json prints exactly what the REST API answers. */
    public static final ObjectMapper JSON = Wire.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final java.util.Optional<String> pick;
    private final boolean interactive;

    Output(PrintWriter out, PrintWriter err, boolean json, java.util.Optional<String> pick, boolean interactive) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.json = json;
        this.pick = requireNonNull(pick, "pick is null");
        this.interactive = interactive;
    }

    public boolean json() {
        return json;
    }

    /** Prints {@code result} as JSON, one value of it (--pick), or lets {@code text} print it for a person. */
    public void result(Object result, Consumer<PrintWriter> text) {
        if (pick.isPresent()) {
            com.fasterxml.jackson.databind.JsonNode answer = JSON.valueToTree(result);
            try {
                out.println(picked(answer, pick.get()));
            } catch (io.assay.core.error.AssayException nothingThere) {
                // The change is made: its whole answer is printed (a token's secret is shown once), then the error.
                out.println(answer.toPrettyString());
                out.flush();
                throw nothingThere;
            }
        } else if (json) {
            try {
                out.println(JSON.writeValueAsString(result));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a result could not be written as JSON", e);
            }
        } else {
            text.accept(out);
        }
        out.flush();
    }

    /** A text value as it is (no quotes, for a shell variable); anything else as compact JSON. */
    private static String picked(com.fasterxml.jackson.databind.JsonNode answer, String pointer) {
        com.fasterxml.jackson.databind.JsonNode value;
        try {
            value = answer.at(pointer);
        } catch (IllegalArgumentException e) {
            throw io.assay.core.error.AssayException.invalid("--pick takes a JSON pointer such as /snapshots/0/id, not "
                    + io.assay.core.common.Names.quoted(pointer));
        }
        if (value.isMissingNode()) {
            throw io.assay.core.error.AssayException.notFound("the answer has nothing at " + io.assay.core.common.Names.quoted(pointer)
                    + "; see the whole answer with --json");
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    public ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A line for a person following along; kept off stdout so --json output stays clean. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    public Progress progress(String label, long total) {
        return new Progress(err, label, total, interactive);
    }

    public PrintWriter err() {
        return err;
    }
}
