package io.assay.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.api.Inference;
import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.serving.LiveRoute;
import io.assay.serving.ScoreAnswer;
import io.assay.serving.ScoreCall;
import io.assay.serving.ScoringService;
import io.assay.serving.ServedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The Open Inference Protocol over the business scoring API: tensors in, tensors out, and the
 * same rules underneath — the same routing (champion, canary by customer, shadows), the same
 * feature checks, every row a decision in the log before the answer leaves. A request gives its
 * rows in one of three ways: one tensor per feature, named as the metadata names the inputs
 * (shape [N] or [N, 1]); one tensor of shape [N, F] holding the features in the metadata's order
 * (what a generic tabular client sends); or a {@code customer} tensor of tokens (BYTES, [N]), the
 * features then read from the serving table. With features, a {@code customer} tensor only decides
 * each row's side of a canary. Reasons are off unless the {@code reasons} parameter asks.
 */
final class OpenInference {
    static final String PATH_PREFIX = "/v2/";
    static final String CUSTOMER = "customer";
    /** The score of a row not scored because the customer objects to marketing: no probability is ever negative. */
    static final double SUPPRESSED_SCORE = -1;

    private static final List<String> OUTPUTS = List.of("score", "model_version", "decision_id", "suppressed", "out_of_range", "reasons");
    private static final Set<String> FLOAT_TYPES = Set.of("FP16", "FP32", "FP64");
    private static final Set<String> INTEGER_TYPES = Set.of("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64");
    /** Parameters standard clients send that change nothing here when false; true asks for binary tensors, which this server does not write. */
    private static final Set<String> BINARY_PARAMETERS = Set.of("binary_data", "binary_data_output");

    private final ScoringService scoring;

    OpenInference(ScoringService scoring) {
        this.scoring = requireNonNull(scoring, "scoring is null");
    }

    /** {@code GET /v2/models/{name}}: the champion's inputs, the answer's outputs, and what routes the use case. */
    Inference.Metadata metadata(Actor caller, String useCase) {
        Permission.SCORE.require(caller);
        LiveRoute route = route(useCase);
        ServedModel champion = route.champion();
        List<String> versions = new ArrayList<>();
        versions.add(String.valueOf(champion.version()));
        route.canary().ifPresent(canary -> versions.add(String.valueOf(canary.version())));
        List<Inference.Tensor> inputs = champion.signature().inputs().stream()
                .map(input -> new Inference.Tensor(input.name(), datatype(input.type()), List.of(-1L))).toList();
        List<Inference.Tensor> outputs = List.of(new Inference.Tensor("score", "FP64", List.of(-1L)),
                new Inference.Tensor("model_version", "INT32", List.of(-1L)), new Inference.Tensor("decision_id", "BYTES", List.of(-1L)),
                new Inference.Tensor("suppressed", "BOOL", List.of(-1L)), new Inference.Tensor("out_of_range", "BYTES", List.of(-1L)),
                new Inference.Tensor("reasons", "BYTES", List.of(-1L)));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("environment", scoring.router().environment().name().toLowerCase(java.util.Locale.ROOT));
        parameters.put("champion", String.valueOf(champion.version()));
        parameters.put("canary_percent", route.canaryPercent());
        parameters.put("customer_input", CUSTOMER + " (BYTES, [N]): customer tokens, features from the serving table");
        parameters.put("matrix_input", "any one input of shape [N, " + inputs.size() + "] with the inputs in this order");
        parameters.put("reasons", "parameter: how many reasons per row (0, the default, for none; -1 for all), as JSON text in the reasons output");
        parameters.put("suppressed_score", SUPPRESSED_SCORE);
        parameters.put("max_rows", ScoringService.MAX_ROWS);
        return new Inference.Metadata(useCase, versions, "assay-" + champion.bundle().modelFormat().wireName(), inputs, outputs, parameters);
    }

    /** An inference answer with the decisions behind it, for the figures. */
    record Inferred(Inference.Answer answer, List<ScoreAnswer> decisions) {
    }

    /** {@code POST /v2/models/{name}/infer}: every row checked, then every row scored and logged. */
    Inferred infer(Actor caller, String useCase, Inference.Request request) {
        Permission.SCORE.require(caller);
        LiveRoute route = route(useCase);
        int reasons = reasons(request.parameters());
        List<String> wanted = wanted(request.outputs());
        Rows rows = rows(request.inputs(), route.champion().signature());
        List<ScoreCall> calls = new ArrayList<>(rows.count());
        for (int i = 0; i < rows.count(); i++) {
            Optional<String> customer = rows.customers() == null ? Optional.empty() : Optional.of(rows.customers().get(i));
            calls.add(new ScoreCall(useCase, customer, rows.features() == null ? Optional.empty() : Optional.of(rows.features().get(i)), reasons));
        }
        List<ScoreAnswer> answers = scoring.scoreAll(caller, calls);
        List<Inference.Output> outputs = new ArrayList<>();
        List<Long> shape = List.of((long) answers.size());
        for (String name : wanted) {
            if (name.equals("reasons") && reasons == 0) {
                continue;
            }
            outputs.add(switch (name) {
                case "score" -> new Inference.Output(name, "FP64", shape, null,
                        answers.stream().map(a -> a.suppressed() ? SUPPRESSED_SCORE : a.score()).toList());
                case "model_version" -> new Inference.Output(name, "INT32", shape, null, answers.stream().map(ScoreAnswer::modelVersion).toList());
                case "decision_id" -> new Inference.Output(name, "BYTES", shape, null, answers.stream().map(ScoreAnswer::decisionId).toList());
                case "suppressed" -> new Inference.Output(name, "BOOL", shape, null, answers.stream().map(ScoreAnswer::suppressed).toList());
                case "out_of_range" -> new Inference.Output(name, "BYTES", shape, null,
                        answers.stream().map(a -> String.join(",", a.outOfRange())).toList());
                case "reasons" -> new Inference.Output(name, "BYTES", shape, Map.of("content_type", "application/json"),
                        answers.stream().map(OpenInference::reasonsText).toList());
                default -> throw new IllegalStateException("output " + name + " is not written");
            });
        }
        Set<Integer> versions = new LinkedHashSet<>();
        answers.forEach(answer -> versions.add(answer.modelVersion()));
        String version = versions.size() == 1 ? String.valueOf(versions.iterator().next()) : null;
        return new Inferred(new Inference.Answer(useCase, version, request.id().orElse(null), null, outputs), answers);
    }

    private LiveRoute route(String useCase) {
        return scoring.router().route(useCase).orElseThrow(() -> AssayException.notFound("nothing serves model " + Names.quoted(useCase)
                + " in " + scoring.router().environment() + " (a model here is a use case; no champion is routed for this one)"));
    }

    private static String datatype(BundleSignature.Type type) {
        return switch (type) {
            case DOUBLE -> "FP32";
            case INTEGER -> "INT64";
            case BOOLEAN -> "BOOL";
        };
    }

    private static int reasons(Optional<JsonNode> parameters) {
        if (parameters.isEmpty() || parameters.get().isNull()) {
            return 0;
        }
        JsonNode given = parameters.get();
        if (!given.isObject()) {
            throw AssayException.invalid("parameters must be an object, such as {\"reasons\": 3}");
        }
        int reasons = 0;
        for (var fields = given.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("reasons")) {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw AssayException.invalid("the reasons parameter is a whole number (0 for none, -1 for all), not " + value);
                }
                reasons = value.intValue();
            } else if (BINARY_PARAMETERS.contains(name)) {
                if (!value.isBoolean() || value.booleanValue()) {
                    throw AssayException.invalid("parameter " + name + " must be false: this server reads and writes tensors as JSON only");
                }
            } else {
                throw AssayException.invalid("unknown parameter " + Names.quoted(Names.printable(name, 80)) + "; an inference request here "
                        + "takes reasons (and binary_data_output: false)");
            }
        }
        return reasons;
    }

    private static List<String> wanted(Optional<List<Inference.RequestedOutput>> requested) {
        if (requested.isEmpty() || requested.get().isEmpty()) {
            return OUTPUTS;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (Inference.RequestedOutput output : requested.get()) {
            if (!OUTPUTS.contains(output.name())) {
                throw AssayException.invalid("unknown output " + Names.quoted(Names.printable(output.name(), 80)) + "; the outputs are "
                        + String.join(", ", OUTPUTS));
            }
            if (!wanted.add(output.name())) {
                throw AssayException.invalid("output " + Names.quoted(output.name()) + " is asked for twice");
            }
        }
        return List.copyOf(wanted);
    }

    /** The rows of a request: tokens or feature objects (or both), {@code count} of each. */
    private record Rows(int count, List<String> customers, List<ObjectNode> features) {
    }

    private static Rows rows(List<Inference.Input> inputs, BundleSignature signature) {
        if (inputs.isEmpty()) {
            throw AssayException.invalid("inputs is empty; give a customer tensor, one tensor per feature, or one [N, "
                    + signature.inputs().size() + "] tensor");
        }
        Set<String> names = new LinkedHashSet<>();
        Inference.Input customerInput = null;
        List<Inference.Input> featureInputs = new ArrayList<>();
        for (Inference.Input input : inputs) {
            if (!names.add(input.name())) {
                throw AssayException.invalid("input " + Names.quoted(Names.printable(input.name(), 80)) + " is given twice");
            }
            if (input.name().equals(CUSTOMER)) {
                customerInput = input;
            } else {
                featureInputs.add(input);
            }
        }
        Integer count = null;
        List<String> customers = null;
        if (customerInput != null) {
            Tensor tensor = Tensor.of(customerInput);
            if (!tensor.datatype().equals("BYTES") || !tensor.column()) {
                throw AssayException.invalid("input customer holds customer tokens: datatype BYTES, shape [N]");
            }
            customers = new ArrayList<>(tensor.rows());
            for (JsonNode token : tensor.values()) {
                if (!token.isTextual()) {
                    throw AssayException.invalid("input customer holds customer tokens as text, not " + token);
                }
                customers.add(token.textValue());
            }
            count = tensor.rows();
        }
        if (featureInputs.isEmpty()) {
            return new Rows(count, customers, null);
        }
        List<String> order = signature.names();
        Set<String> known = Set.copyOf(order);
        boolean matrix = featureInputs.size() == 1 && !known.contains(featureInputs.get(0).name());
        List<ObjectNode> rows = null;
        for (Inference.Input input : featureInputs) {
            Tensor tensor = Tensor.of(input);
            if (tensor.datatype().equals("BYTES")) {
                throw AssayException.invalid("input " + Names.quoted(Names.printable(input.name(), 80)) + " is BYTES; features are numbers "
                        + "(FP32, FP64, INT64, BOOL ...)");
            }
            if (count != null && tensor.rows() != count) {
                throw AssayException.invalid("input " + Names.quoted(Names.printable(input.name(), 80)) + " has " + tensor.rows()
                        + " rows, the others " + count);
            }
            count = tensor.rows();
            if (rows == null) {
                rows = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    rows.add(JsonNodeFactory.instance.objectNode());
                }
            }
            if (matrix) {
                if (tensor.columns() != order.size()) {
                    throw AssayException.invalid("input " + Names.quoted(Names.printable(input.name(), 80)) + " is not a feature; as a "
                            + "matrix it must have shape [N, " + order.size() + "] (the features in the metadata's order: "
                            + String.join(", ", order.subList(0, Math.min(5, order.size()))) + (order.size() > 5 ? ", ..." : "")
                            + "), not " + input.shape());
                }
                for (int i = 0; i < count; i++) {
                    for (int j = 0; j < order.size(); j++) {
                        rows.get(i).set(order.get(j), tensor.values().get(i * order.size() + j));
                    }
                }
            } else {
                if (!known.contains(input.name())) {
                    throw AssayException.invalid("input " + Names.quoted(Names.printable(input.name(), 80)) + " is not a feature of "
                            + signature.names().size() + " the model takes (see GET /v2/models/{name})");
                }
                if (!tensor.column()) {
                    throw AssayException.invalid("input " + Names.quoted(input.name()) + " is one feature: shape [N] or [N, 1], not " + input.shape());
                }
                for (int i = 0; i < count; i++) {
                    rows.get(i).set(input.name(), tensor.values().get(i));
                }
            }
        }
        return new Rows(count, customers, rows);
    }

    private static String reasonsText(ScoreAnswer answer) {
        try {
            return io.assay.api.Wire.JSON.writeValueAsString(answer.reasons());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One input tensor, its shape checked against its data and its values against its datatype. */
    private record Tensor(String datatype, int rows, int columns, List<JsonNode> values) {
        boolean column() {
            return columns == 1;
        }

        static Tensor of(Inference.Input input) {
            String name = Names.quoted(Names.printable(input.name(), 80));
            List<Long> shape = input.shape();
            if (shape.isEmpty() || shape.size() > 2 || shape.stream().anyMatch(d -> d == null || d < 1)) {
                throw AssayException.invalid("input " + name + " has shape " + shape + "; a shape here is [N] or [N, columns], each at least 1");
            }
            if (shape.get(0) > ScoringService.MAX_ROWS) {
                throw AssayException.invalid("input " + name + " has " + shape.get(0) + " rows; a call scores at most " + ScoringService.MAX_ROWS);
            }
            if (shape.size() == 2 && shape.get(1) > 10_000) {
                throw AssayException.invalid("input " + name + " has " + shape.get(1) + " columns; no model here takes that many");
            }
            int rows = shape.get(0).intValue();
            int columns = shape.size() == 2 ? shape.get(1).intValue() : 1;
            String datatype = input.datatype();
            boolean known = datatype.equals("BOOL") || datatype.equals("BYTES") || FLOAT_TYPES.contains(datatype) || INTEGER_TYPES.contains(datatype);
            if (!known) {
                throw AssayException.invalid("input " + name + " has datatype " + Names.quoted(Names.printable(datatype, 40))
                        + "; the protocol's datatypes are BOOL, INT8 ... INT64, UINT8 ... UINT64, FP16, FP32, FP64 and BYTES");
            }
            List<JsonNode> values = new ArrayList<>(rows * columns);
            flatten(input.data(), values, rows * columns, name);
            if (values.size() != rows * columns) {
                throw AssayException.invalid("input " + name + " has shape " + shape + " (" + rows * columns + " values) but " + values.size()
                        + " values in data");
            }
            for (JsonNode value : values) {
                String problem = problem(datatype, value);
                if (problem != null) {
                    throw AssayException.invalid("input " + name + " is " + datatype + ", but holds " + problem);
                }
            }
            return new Tensor(datatype, rows, columns, values);
        }

        /** The data in row-major order, flat or nested as the protocol allows; stops counting past what the shape holds. */
        private static void flatten(JsonNode data, List<JsonNode> values, int expected, String name) {
            if (!data.isArray()) {
                throw AssayException.invalid("input " + name + " needs data as a list, not " + io.assay.api.JsonRequests.describe(data));
            }
            for (JsonNode element : data) {
                if (values.size() > expected) {
                    return;
                }
                if (element.isArray()) {
                    flatten(element, values, expected, name);
                } else {
                    values.add(element);
                }
            }
        }

        private static String problem(String datatype, JsonNode value) {
            if (value.isNull()) {
                // A missing value: only a nullable feature takes it, which the row check decides.
                return datatype.equals("BYTES") ? "null" : null;
            }
            if (datatype.equals("BYTES")) {
                return value.isTextual() ? null : io.assay.api.JsonRequests.describe(value);
            }
            if (datatype.equals("BOOL")) {
                return value.isBoolean() ? null : io.assay.api.JsonRequests.describe(value);
            }
            if (!value.isNumber()) {
                return io.assay.api.JsonRequests.describe(value) + " (send a number; text such as \"NaN\" is not one)";
            }
            if (INTEGER_TYPES.contains(datatype) && !value.isIntegralNumber()) {
                return "a fraction, " + value;
            }
            return null;
        }
    }
}
