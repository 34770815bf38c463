package io.assay.scoring.xgboost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.assay.core.error.AssayException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks an XGBoost JSON model with Jackson's streaming parser, straight into primitive arrays:
 * a 300-tree model is millions of numbers, and a tree of boxed nodes would cost ten times the
 * file. Unknown fields are skipped (XGBoost adds some in most releases); the fields the scorer
 * and its explainer need are read strictly, and every array is bounded by what the limits leave,
 * as it is read.
 */
final class ModelJsonReader {
    /** More names than any bank's feature store holds; bounds the list before num_feature is known. */
    private static final int MAX_FEATURES = 1_000_000;

    private final JsonParser parser;
    private final ModelLimits limits;
    private final PrimitiveArrays arrays;
    private long nodesSoFar;

    private Optional<XGBoostVersion> version = Optional.empty();
    private boolean hasLearner;
    private Optional<String> boosterName = Optional.empty();
    private boolean hasBoosterModel;
    private Optional<String> objectiveName = Optional.empty();
    private final Map<String, String> learnerModelParam = new HashMap<>();
    private List<String> featureNames = List.of();
    private Optional<List<ParsedTree>> trees = Optional.empty();
    private int[] treeInfo = new int[0];
    private Optional<String> numParallelTree = Optional.empty();
    private int categoryEncodings;

    ModelJsonReader(JsonParser parser, ModelLimits limits) {
        this.parser = parser;
        this.limits = limits;
        this.arrays = new PrimitiveArrays(parser);
    }

    ParsedModel read() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw AssayException.invalid("model JSON is not an object: not an XGBoost model (expected {\"learner\": ..., \"version\": [...]})");
        }
        while (nextField()) {
            switch (parser.currentName()) {
                case "learner" -> readLearner();
                case "version" -> readVersion();
                default -> skipValue();
            }
        }
        if (parser.nextToken() != null) {
            throw AssayException.invalid("model JSON has data after its closing brace (two documents glued together?)");
        }
        return new ParsedModel(version, hasLearner, boosterName, hasBoosterModel, objectiveName, Map.copyOf(learnerModelParam),
                featureNames, trees, treeInfo, numParallelTree, categoryEncodings);
    }

    private void readVersion() throws IOException {
        int[] parts = arrays.ints("version", 3, "model JSON 'version' has more than 3 parts, expected [major, minor, patch]");
        if (parts.length != 3) {
            throw AssayException.invalid("model JSON 'version' has " + parts.length + " parts, expected [major, minor, patch]");
        }
        version = Optional.of(new XGBoostVersion(parts[0], parts[1], parts[2]));
    }

    private void readLearner() throws IOException {
        expectObject("learner");
        hasLearner = true;
        while (nextField()) {
            switch (parser.currentName()) {
                case "gradient_booster" -> readBooster();
                case "learner_model_param" -> readStrings("learner.learner_model_param", learnerModelParam);
                case "objective" -> readObjective();
                case "feature_names" -> featureNames = arrays.strings("learner.feature_names", MAX_FEATURES, "the model names more than " + MAX_FEATURES + " features");
                default -> skipValue();
            }
        }
    }

    private void readObjective() throws IOException {
        expectObject("learner.objective");
        while (nextField()) {
            if (parser.currentName().equals("name")) {
                objectiveName = Optional.of(text("learner.objective.name"));
            } else {
                skipValue();
            }
        }
    }

    private void readBooster() throws IOException {
        expectObject("learner.gradient_booster");
        while (nextField()) {
            switch (parser.currentName()) {
                case "name" -> boosterName = Optional.of(text("learner.gradient_booster.name"));
                case "model" -> readBoosterModel();
                default -> skipValue();
            }
        }
    }

    private void readBoosterModel() throws IOException {
        expectObject("learner.gradient_booster.model");
        hasBoosterModel = true;
        while (nextField()) {
            switch (parser.currentName()) {
                case "trees" -> readTrees();
                case "tree_info" -> treeInfo = arrays.ints("tree_info", limits.maxTrees(), overTrees());
                case "gbtree_model_param" -> {
                    Map<String, String> param = new HashMap<>();
                    readStrings("gbtree_model_param", param);
                    numParallelTree = Optional.ofNullable(param.get("num_parallel_tree"));
                }
                case "cats" -> readCategories();
                default -> skipValue();
            }
        }
    }

    private void readCategories() throws IOException {
        expectObject("gradient_booster.model.cats");
        while (nextField()) {
            if (parser.currentName().equals("enc")) {
                categoryEncodings = arrays.count("cats.enc", MAX_FEATURES, "cats.enc has more than " + MAX_FEATURES + " entries");
            } else {
                skipValue();
            }
        }
    }

    private void readTrees() throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw AssayException.invalid("gradient_booster.model.trees is not an array");
        }
        List<ParsedTree> read = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (read.size() == limits.maxTrees()) {
                throw AssayException.invalid(overTrees());
            }
            ParsedTree tree = new TreeFields(read.size()).read();
            nodesSoFar += tree.nodeCount();
            read.add(tree);
        }
        trees = Optional.of(List.copyOf(read));
    }

    /** The fields of one tree as they arrive (XGBoost writes them in key order, tree_param last). */
    private final class TreeFields {
        private final int index;
        private final Map<String, Integer> lengths = new HashMap<>();
        private final Map<String, String> treeParam = new HashMap<>();
        private int[] left;
        private int[] right;
        private int[] splitIndices;
        private float[] conditions;
        private boolean[] defaultLeft;
        private int[] splitTypes = new int[0];
        private float[] covers;

        TreeFields(int index) {
            this.index = index;
        }

        ParsedTree read() throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw AssayException.invalid("tree " + index + " is not an object");
            }
            long budget = limits.maxNodes() - nodesSoFar;
            String overNodes = "model has more than " + limits.maxNodes() + " nodes, over the limit (at tree " + index + ")";
            while (nextField()) {
                String field = parser.currentName();
                String what = "tree " + index + " " + field;
                switch (field) {
                    case "left_children" -> left = remember(field, arrays.ints(what, budget, overNodes));
                    case "right_children" -> right = remember(field, arrays.ints(what, budget, overNodes));
                    case "split_indices" -> splitIndices = remember(field, arrays.ints(what, budget, overNodes));
                    case "split_conditions" -> conditions = arrays.floats(what, budget, overNodes);
                    case "default_left" -> defaultLeft = arrays.flags(what, budget, overNodes);
                    case "split_type" -> splitTypes = remember(field, arrays.ints(what, budget, overNodes));
                    case "sum_hessian" -> covers = arrays.floats(what, budget, overNodes);
                    case "parents", "base_weights", "loss_changes" -> lengths.put(field, arrays.count(what, budget, overNodes));
                    case "tree_param" -> readStrings("tree " + index + " tree_param", treeParam);
                    default -> skipValue();
                }
            }
            if (conditions != null) {
                lengths.put("split_conditions", conditions.length);
            }
            if (defaultLeft != null) {
                lengths.put("default_left", defaultLeft.length);
            }
            if (covers != null) {
                lengths.put("sum_hessian", covers.length);
            }
            return build();
        }

        private int[] remember(String field, int[] values) {
            lengths.put(field, values.length);
            return values;
        }

        private ParsedTree build() {
            String prefix = "tree " + index + ": ";
            for (String required : List.of("left_children", "right_children", "split_indices", "split_conditions", "default_left")) {
                if (!lengths.containsKey(required)) {
                    throw AssayException.invalid(prefix + "has no '" + required + "' array: not an XGBoost tree");
                }
            }
            int nodes = intParam(prefix, "num_nodes", treeParam.get("num_nodes"));
            if (nodes < 1) {
                throw AssayException.invalid(prefix + "tree_param.num_nodes is " + nodes + ", a tree has at least its root");
            }
            for (Map.Entry<String, Integer> length : lengths.entrySet()) {
                boolean optionalEmpty = length.getKey().equals("split_type") && length.getValue() == 0;
                if (length.getValue() != nodes && !optionalEmpty) {
                    throw AssayException.invalid(prefix + "'" + length.getKey() + "' has " + length.getValue()
                            + " values but tree_param.num_nodes is " + nodes + ": arrays of inconsistent length");
                }
            }
            String leafVector = treeParam.getOrDefault("size_leaf_vector", "1");
            String features = treeParam.getOrDefault("num_feature", "0");
            return new ParsedTree(index, intParam(prefix, "size_leaf_vector", leafVector), intParam(prefix, "num_feature", features),
                    left, right, splitIndices, conditions, defaultLeft, splitTypes,
                    covers == null ? new float[0] : covers);
        }
    }

    private String overTrees() {
        return "model has more than " + limits.maxTrees() + " trees, over the limit";
    }

    private static int intParam(String prefix, String name, String value) {
        if (value == null) {
            throw AssayException.invalid(prefix + "tree_param has no " + name);
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notAnInt) {
            throw AssayException.invalid(prefix + "tree_param." + name + " '" + value + "' is not an integer");
        }
    }

    /** An object whose values are all strings, as XGBoost writes its parameters. */
    private void readStrings(String what, Map<String, String> into) throws IOException {
        expectObject(what);
        while (nextField()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isStructStart()) {
                parser.skipChildren();
            } else {
                into.put(name, parser.getText());
            }
        }
    }

    private String text(String what) throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw AssayException.invalid("model JSON '" + what + "' is not a string");
        }
        return parser.getText();
    }

    private void expectObject(String what) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw AssayException.invalid("model JSON '" + what + "' is not an object: not an XGBoost model");
        }
    }

    /** Moves to the next field name of the current object; false at its end. */
    private boolean nextField() throws IOException {
        return parser.nextToken() == JsonToken.FIELD_NAME;
    }

    private void skipValue() throws IOException {
        parser.nextToken();
        parser.skipChildren();
    }
}
