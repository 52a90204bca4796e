import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an event came from Syndicator, as the Standard Webhooks specification asks: the HMAC-SHA256 of
 * "{webhook-id}.{webhook-timestamp}.{body}" under the shared secret, compared in constant time with each "v1,"
 * signature of the webhook-signature header, and a webhook-timestamp within five minutes of the receiver's clock.
 * Plain JDK (8 or later), no libraries. Give it the body's bytes exactly as they arrived, before any JSON parsing.
 *
 * From the command line (Java 11 or later runs the source file directly):
 *   WEBHOOK_SECRET=whsec_... java VerifyEvent.java WEBHOOK_ID WEBHOOK_TIMESTAMP 'WEBHOOK_SIGNATURE' < body.json
 * prints "verified" and exits 0, or prints "refused: why" and exits 1.
 */
public final class VerifyEvent {
    /** How far webhook-timestamp may be from the receiver's clock, either way. */
    public static final long TOLERANCE_SECONDS = 5 * 60;

    /** The largest body taken (Syndicator's events are a few kilobytes). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private VerifyEvent() {
    }

    /**
     * Null when the event is genuine; otherwise why it is refused (answer 401 and do not act on it).
     *
     * @param secret     the subscription's secret: "whsec_" and the base64 of the key
     * @param id         the webhook-id header
     * @param timestamp  the webhook-timestamp header (Unix seconds)
     * @param signatures the webhook-signature header: one or more "v1,{base64}", separated by spaces
     * @param body       the request body's bytes as received
     * @param nowSeconds the receiver's clock, in Unix seconds
     */
    public static String problem(String secret, String id, String timestamp, String signatures, byte[] body, long nowSeconds)
            throws GeneralSecurityException {
        byte[] key;
        try {
            if (secret == null || !secret.startsWith("whsec_")) {
                throw new IllegalArgumentException();
            }
            key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        } catch (IllegalArgumentException e) {
            return "the secret is not 'whsec_' and the base64 of the key";
        }

        if (isEmpty(id) || isEmpty(timestamp) || isEmpty(signatures)) {
            return "a webhook-id, webhook-timestamp or webhook-signature header is missing";
        }

        if (!timestamp.matches("[0-9]{1,18}")) {
            return "webhook-timestamp is not a number of seconds";
        }

        if (Math.abs(nowSeconds - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            return "webhook-timestamp is more than 5 minutes from this clock: a replay, or a clock to set right";
        }

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);

        for (String entry : signatures.split(" ")) {
            if (!entry.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }

        return "no signature matches: a wrong secret, or a body changed on its way (verify the bytes as received)";
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 3) {
            System.err.println("usage: WEBHOOK_SECRET=whsec_... java VerifyEvent WEBHOOK_ID WEBHOOK_TIMESTAMP WEBHOOK_SIGNATURE < body");
            System.exit(2);
        }

        byte[] body = readBounded(System.in);
        String problem = body == null
                ? "the body is over " + MAX_BODY_BYTES + " bytes"
                : problem(System.getenv("WEBHOOK_SECRET"), args[0], args[1], args[2], body, System.currentTimeMillis() / 1000);
        if (problem == null) {
            System.out.println("verified");
        } else {
            System.out.println("refused: " + problem);
            System.exit(1);
        }
    }

    /** Reads a body (System.in here, a servlet's request.getInputStream() in a receiver); null when over MAX_BODY_BYTES. */
    public static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_BODY_BYTES) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
