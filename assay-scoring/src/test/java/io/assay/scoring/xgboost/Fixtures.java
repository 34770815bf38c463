package io.assay.scoring.xgboost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written model files in src/test/resources/xgboost, and edits of the tiny one. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/xgboost/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource xgboost/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The tiny model as a tree of nodes, to edit. */
    static ObjectNode tiny() {
        try {
            return (ObjectNode) JSON.readTree(bytes("tiny-model.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode learner(ObjectNode model) {
        return (ObjectNode) model.get("learner");
    }

    static ObjectNode booster(ObjectNode model) {
        return (ObjectNode) learner(model).get("gradient_booster");
    }

    static ObjectNode tree(ObjectNode model, int index) {
        return (ObjectNode) booster(model).get("model").get("trees").get(index);
    }

    static ArrayNode array(ObjectNode tree, String field) {
        return (ArrayNode) tree.get(field);
    }

    static byte[] write(ObjectNode model) {
        try {
            return JSON.writeValueAsBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
