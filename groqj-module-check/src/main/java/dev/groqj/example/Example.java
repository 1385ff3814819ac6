package dev.groqj.example;

import com.sun.net.httpserver.HttpServer;
import dev.groqj.GroqClient;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.transport.ApacheHttpTransport;
import dev.groqj.transport.HttpTransport;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One chat call to a loopback server: the request is encoded and the answer decoded by the core's Jackson. */
public final class Example {
    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"example-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hello from loopback\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":3,\"total_tokens\":4}}";

    /** A typed answer: its schema is derived and its JSON read inside dev.groqj.core, across the module boundary. */
    public record Greeting(String text, int words) {
    }

    private Example() {
    }

    private static String typedCompletion() {
        return COMPLETION.replace("\"Hello from loopback\"", "\"{\\\"text\\\":\\\"Hello typed\\\",\\\"words\\\":2}\"");
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/openai/v1/chat/completions", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean encoded = request.contains("\"model\":\"example-model\"") && request.contains("\"Hi\"");
            boolean typed = request.contains("\"required\":[\"text\",\"words\"]");
            byte[] body = (encoded ? typed ? typedCompletion() : COMPLETION : "{\"error\":{\"message\":\"bad request: " + request.length()
                    + " bytes\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(encoded ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        // "apache": the same calls over ApacheHttpTransport, whose httpclient5 the application adds
        HttpTransport transport = null;
        try {
            if (args.length > 0 && args[0].equals("apache")) transport = ApacheHttpTransport.create(Duration.ofSeconds(5));
            run(server, transport);
        } finally {
            if (transport != null) transport.close();
            server.stop(0);
        }
    }

    private static void run(HttpServer server, HttpTransport transport) {
        GroqClient.Builder builder = GroqClient.builder()
                .apiKey("gsk_example")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/openai/v1")
                .maxRetries(0);
        if (transport != null) builder.transport(transport);
        try (GroqClient client = builder.build()) {
            ChatCompletion c = client.chat().create(ChatRequest.builder()
                    .model("example-model").addMessage(Message.user("Hi")).build());
            Module core = GroqClient.class.getModule();
            System.out.println("consumer module: " + Example.class.getModule().getName());
            System.out.println("groqj module: " + core.getName());
            System.out.println("internal exported: " + core.isExported("dev.groqj.internal"));
            System.out.println("answer: " + c.choices().get(0).message().content());
            Greeting g = client.chat().create(ChatRequest.builder()
                    .model("example-model").addMessage(Message.user("Hi")).build(), Greeting.class).value();
            System.out.println("typed: " + g.text() + " (" + g.words() + " words)");
            if (transport != null) System.out.println("transport: " + transport.getClass().getSimpleName());
        }
    }
}
