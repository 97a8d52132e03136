package dev.ciamkit.ekyc.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** Request bodies of the contract, for the decisions' tests. */
final class Requests {

    private Requests() {}

    static ObjectNode image(String file) {
        return image(TestImages.bytes(file), TestImages.mediaType(file));
    }

    static ObjectNode image(byte[] bytes, String mediaType) {
        return Reply.JSON
                .createObjectNode()
                .put("mediaType", mediaType)
                .put("data", Base64.getEncoder().encodeToString(bytes));
    }

    static ObjectNode ocr(String file) {
        ObjectNode request = Reply.JSON.createObjectNode();
        request.set("image", image(file));
        return request;
    }

    static ObjectNode face(String selfie, String idImage) {
        ObjectNode request = Reply.JSON.createObjectNode();
        request.set("selfie", image(selfie));
        request.set("idImage", image(idImage));
        return request;
    }

    /** The document exactly as the person's ID shows it. */
    static ObjectNode document(String personKey) {
        ObjectNode request = Reply.JSON.createObjectNode();
        request.set(
                "document", IdDecisions.document(TestPersons.byKey(personKey).orElseThrow()));
        return request;
    }

    static ObjectNode account(String bankCode, String accountNumber) {
        return Reply.JSON
                .createObjectNode()
                .put("bankCode", bankCode)
                .put("accountNumber", accountNumber)
                .put("holderName", "홍길동");
    }

    static ObjectNode code(String code) {
        return Reply.JSON.createObjectNode().put("code", code);
    }
}
