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
    private final boolean interactive;

    Output(PrintWriter out, PrintWriter err, boolean json, boolean interactive) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.json = json;
        this.interactive = interactive;
    }

    public boolean json() {
        return json;
    }

    /** Prints {@code result} as JSON, or lets {@code text} print it for a person. */
    public void result(Object result, Consumer<PrintWriter> text) {
        if (json) {
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
