package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One answer of the sandbox: an HTTP status and a JSON body. */
record Reply(int status, ObjectNode body) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** 200 with {@code result} {@code PASSED} and reason {@code ok}. */
    static Reply passed(String reference) {
        return verdict(200, "PASSED", "ok", reference);
    }

    /** 200 with {@code result} {@code FAILED} and the reason. */
    static Reply failed(String reason, String reference) {
        return verdict(200, "FAILED", reason, reference);
    }

    static Reply verdict(int status, String result, String reason, String reference) {
        ObjectNode body = JSON.createObjectNode()
                .put("result", result)
                .put("reason", reason)
                .put("reference", reference);
        return new Reply(status, body);
    }

    /** A refusal: {@code {"error": code, "message": message}}. */
    static Reply error(int status, String code, String message) {
        return new Reply(status, JSON.createObjectNode().put("error", code).put("message", message));
    }

    static Reply invalidRequest(String message) {
        return error(400, "invalid_request", message);
    }
}
