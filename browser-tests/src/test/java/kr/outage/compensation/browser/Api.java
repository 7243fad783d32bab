package kr.outage.compensation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The services' JSON API, for what a test sets up or checks behind the pages. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api() {
    }

    static JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET(), 200);
    }

    static JsonNode post(String url, String token, Object body, int expectedStatus) {
        return post(url, token, body, java.util.Map.of(), expectedStatus);
    }

    /** A POST with extra headers (an Approval-Id). */
    static JsonNode post(String url, String token, Object body, java.util.Map<String, String> headers, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
            headers.forEach(request::header);
            return send(request.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))),
                    expectedStatus);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET with the browser's console session cookie, for downloads the browser would save. */
    static HttpResponse<String> getWithCookie(String url, String cookie) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
