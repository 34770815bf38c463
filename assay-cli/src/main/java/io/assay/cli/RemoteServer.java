package io.assay.cli;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.server.ServerConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A running Assay server the CLI talks to instead of the local home (--server and --token, or
 * ASSAY_SERVER and ASSAY_TOKEN). The token decides who acts; it never appears in toString.
 */
public record RemoteServer(URI url, String token) {
    public RemoteServer {
        requireNonNull(url, "url is null");
        requireNonNull(token, "token is null");
    }

    static Optional<RemoteServer> from(Map<String, String> variables, Optional<String> serverOption, Optional<String> tokenOption) {
        Optional<String> server = serverOption.or(() -> nonBlank(variables, "ASSAY_SERVER"));
        if (server.isEmpty()) {
            return Optional.empty();
        }
        String token = tokenOption.or(() -> nonBlank(variables, "ASSAY_TOKEN")).orElseThrow(() -> new AssayException(
                ErrorCode.CONFIGURATION, "--server " + Names.quoted(server.get()) + " needs a token: --token or ASSAY_TOKEN"));
        return Optional.of(new RemoteServer(url(server.get()), token));
    }

    private static URI url(String value) {
        try {
            URI uri = new URI(value.strip());
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) address with a host");
            }
            if ("http".equals(uri.getScheme()) && !ServerConfig.isLoopback(uri.getHost())) {
                throw new AssayException(ErrorCode.CONFIGURATION, "--server " + Names.quoted(value) + " is plain http to another machine:"
                        + " your token would cross the network readable; use https (plain http is for this machine only)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "--server " + Names.quoted(value)
                    + " is not a server address like http://127.0.0.1:8321");
        }
    }

    private static Optional<String> nonBlank(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    @Override
    public String toString() {
        return "RemoteServer[" + url + ", token=(set)]";
    }
}
