package nl.incidents.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a request body within bounds before anything reads it: a body larger than the limit
 * ({@code incidents.http.max-body-size}) is answered 413, whether its length is announced or it
 * arrives in chunks (a multipart form to a case's evidence, which carries a file, is left to
 * {@code spring.servlet.multipart}'s limits; elsewhere a multipart form is a body like any other), and a
 * {@code Content-Type} that names no single type ({@code *}{@code /*}, or one
 * that cannot be read) is answered 415. Tomcat's own limit applies to forms only.
 */
final class RequestBodyGuard extends OncePerRequestFilter {

    /** The one address that takes a form with a file: a case's evidence. */
    private static final Pattern EVIDENCE_FORM = Pattern.compile("/api/incidents/[^/]+/evidence");

    private final long limit;
    private final String tooLarge;

    RequestBodyGuard(DataSize limit) {
        this.limit = limit.toBytes();
        this.tooLarge = "The request body is larger than " + limit.toKilobytes() + " KB, the most this service takes.";
    }

    /** Thrown while reading a body in chunks once it passes the limit. */
    static final class TooLarge extends IOException {

        TooLarge(String message) {
            super(message);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !namesOneType(contentType)) {
            ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ProblemResponses.detailFor(HttpStatus.UNSUPPORTED_MEDIA_TYPE), null);
            return;
        }
        if (isMultipart(contentType) && EVIDENCE_FORM.matcher(request.getRequestURI()).matches()) {
            // A file (evidence), where one is taken: spring.servlet.multipart's limits apply, and the controller's own.
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge, null);
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    private static boolean isMultipart(String contentType) {
        return contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.MULTIPART_FORM_DATA);
    }

    private static boolean namesOneType(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingStream(super.getInputStream());
            }
            return limited;
        }
    }

    private final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(tooLarge);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
