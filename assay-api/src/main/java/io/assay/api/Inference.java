package io.assay.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Open Inference Protocol (v2, its REST form) as the data plane speaks it, so that standard
 * inference clients can score: the model's metadata and the bodies of an inference request and
 * its answer. Tensors are JSON: a shape, a datatype and the data, flat in row-major order or nested.
 */
public final class Inference {
    private Inference() {}

    /** {@code POST /v2/models/{name}/infer}: the protocol's inference request. */
    public record Request(Optional<String> id, Optional<JsonNode> parameters, List<Input> inputs, Optional<List<RequestedOutput>> outputs) {
        public Request {
            requireNonNull(inputs, "inputs is null");
        }
    }

    public record Input(String name, List<Long> shape, String datatype, Optional<JsonNode> parameters, JsonNode data) {
        public Input {
            requireNonNull(name, "name is null");
            requireNonNull(shape, "shape is null");
            requireNonNull(datatype, "datatype is null");
            requireNonNull(data, "data is null");
        }
    }

    public record RequestedOutput(String name, Optional<JsonNode> parameters) {
        public RequestedOutput {
            requireNonNull(name, "name is null");
        }
    }

    /** The protocol's inference answer; {@code model_version} only when one version answered every row. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(@JsonProperty("model_name") String modelName, @JsonProperty("model_version") String modelVersion,
                         @JsonProperty("id") String id, @JsonProperty("parameters") Map<String, Object> parameters,
                         @JsonProperty("outputs") List<Output> outputs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(@JsonProperty("name") String name, @JsonProperty("datatype") String datatype, @JsonProperty("shape") List<Long> shape,
                         @JsonProperty("parameters") Map<String, Object> parameters, @JsonProperty("data") List<?> data) {
    }

    /** {@code GET /v2/models/{name}}: the protocol's model metadata. */
    public record Metadata(@JsonProperty("name") String name, @JsonProperty("versions") List<String> versions,
                           @JsonProperty("platform") String platform, @JsonProperty("inputs") List<Tensor> inputs,
                           @JsonProperty("outputs") List<Tensor> outputs, @JsonProperty("parameters") Map<String, Object> parameters) {
    }

    public record Tensor(@JsonProperty("name") String name, @JsonProperty("datatype") String datatype, @JsonProperty("shape") List<Long> shape) {
    }
}
