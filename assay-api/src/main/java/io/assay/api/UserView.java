package io.assay.api;

import java.time.Instant;
import java.util.List;

public record UserView(String name, boolean active, List<String> roles, String createdBy, Instant createdAt) {
}
