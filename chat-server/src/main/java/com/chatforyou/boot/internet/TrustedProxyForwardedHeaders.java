package com.chatforyou.boot.internet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring's forwarded-header support, for configured proxies only. A request from a trusted proxy goes
 * through {@link ForwardedHeaderFilter}, which makes the request's remote address, host and scheme the
 * forwarded ones (so quotas, the same-origin check and sign-in redirects see the client); its client is
 * first narrowed to the rightmost hop that is not a trusted proxy. From anyone else the headers are
 * removed unread (the filter's remove-only mode).
 */
public final class TrustedProxyForwardedHeaders extends OncePerRequestFilter {
    static final String FORWARDED = "Forwarded";
    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies proxies;
    private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter removeOnly = new ForwardedHeaderFilter();

    public TrustedProxyForwardedHeaders(TrustedProxies proxies) {
        this.proxies = proxies;
        removeOnly.setRemoveOnly(true);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.trusts(request.getRemoteAddr())) {
            honour.doFilter(new ClientNarrowed(request, proxies), response, chain);
        } else {
            removeOnly.doFilter(request, response, chain);
        }
    }

    /** Presents only the resolved client to {@link ForwardedHeaderFilter}, which reads the leftmost hop. */
    private static final class ClientNarrowed extends HttpServletRequestWrapper {
        private final String forwarded;
        private final String forwardedFor;

        ClientNarrowed(HttpServletRequest request, TrustedProxies proxies) {
            super(request);
            String rfc7239 = joined(request, FORWARDED);
            String legacy = joined(request, X_FORWARDED_FOR);
            String peer = request.getRemoteAddr();
            if (rfc7239 != null) {
                List<String> elements = ForwardedElements.split(rfc7239);
                String client = proxies.clientOf(ForwardedElements.forValues(elements), peer);
                // A proxy that sends something unreadable is ignored rather than trusted halfway.
                forwarded = IpLiterals.isLiteral(client) ? ForwardedElements.withFor(elements.get(elements.size() - 1), client)
                        : null;
                forwardedFor = null;
            } else {
                forwarded = null;
                String client = legacy == null ? null : proxies.clientOf(
                        List.of(legacy.split(",")).stream().map(String::strip).toList(), peer);
                forwardedFor = IpLiterals.isLiteral(client) ? client : null;
            }
        }

        @Override
        public String getHeader(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("forwarded")) {
                return forwarded;
            }
            if (lower.equals("x-forwarded-for")) {
                return forwardedFor;
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("forwarded") || lower.equals("x-forwarded-for")) {
                String value = getHeader(name);
                return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
            }
            return super.getHeaders(name);
        }

        private static String joined(HttpServletRequest request, String name) {
            List<String> values = Collections.list(request.getHeaders(name));
            return values.isEmpty() ? null : String.join(",", values);
        }
    }

    /** IP address literals, checked without any name look-up. */
    static final class IpLiterals {
        private static final java.util.regex.Pattern IPV4 =
                java.util.regex.Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
        private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]{2,45}");

        private IpLiterals() {
        }

        static boolean isLiteral(String text) {
            if (text == null) {
                return false;
            }
            if (IPV4.matcher(text).matches()) {
                return true;
            }
            if (!text.contains(":") || !IPV6.matcher(text).matches()) {
                return false;
            }
            try {
                java.net.InetAddress.getByName(text);
                return true;
            } catch (java.net.UnknownHostException notAnAddress) {
                return false;
            }
        }
    }

    /** RFC 7239 elements and their {@code for} parameters, quoted IPv6 and ports handled. */
    static final class ForwardedElements {
        private ForwardedElements() {
        }

        static List<String> split(String header) {
            List<String> elements = new ArrayList<>();
            for (String element : header.split(",")) {
                if (!element.isBlank()) {
                    elements.add(element.strip());
                }
            }
            return elements.isEmpty() ? List.of("") : elements;
        }

        static List<String> forValues(List<String> elements) {
            List<String> hops = new ArrayList<>();
            for (String element : elements) {
                for (String pair : element.split(";")) {
                    String[] parts = pair.split("=", 2);
                    if (parts.length == 2 && parts[0].strip().equalsIgnoreCase("for")) {
                        hops.add(hostOf(parts[1].strip()));
                    }
                }
            }
            return hops;
        }

        /** {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
        static String hostOf(String value) {
            String unquoted = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                    ? value.substring(1, value.length() - 1) : value;
            if (unquoted.startsWith("[")) {
                int end = unquoted.indexOf(']');
                return end > 0 ? unquoted.substring(1, end) : unquoted;
            }
            int colon = unquoted.indexOf(':');
            return colon > 0 && unquoted.indexOf(':', colon + 1) < 0 ? unquoted.substring(0, colon) : unquoted;
        }

        /**
         * The element with its {@code for} replaced by the client, keeping a well-formed {@code host} and
         * {@code proto}; anything else is dropped.
         */
        static String withFor(String element, String client) {
            StringBuilder rebuilt = new StringBuilder("for=\"").append(client.contains(":") ? "[" + client + "]" : client)
                    .append('"');
            for (String pair : element.split(";")) {
                String[] parts = pair.split("=", 2);
                if (parts.length != 2) {
                    continue;
                }
                String name = parts[0].strip().toLowerCase(Locale.ROOT);
                String value = parts[1].strip().replace("\"", "");
                if ((name.equals("proto") && (value.equals("http") || value.equals("https")))
                        || (name.equals("host") && value.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?"))) {
                    rebuilt.append(';').append(name).append('=').append(value);
                }
            }
            return rebuilt.toString();
        }
    }
}
