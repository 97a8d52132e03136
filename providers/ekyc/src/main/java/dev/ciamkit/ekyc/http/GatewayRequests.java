package dev.ciamkit.ekyc.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ciamkit.ekyc.spi.BankAccount;
import dev.ciamkit.ekyc.spi.EkycImage;
import dev.ciamkit.ekyc.spi.FaceMatchRequest;
import dev.ciamkit.ekyc.spi.IdFields;
import dev.ciamkit.ekyc.spi.TransferCode;
import java.util.Base64;

/** The request bodies of the gateway contract, written with Jackson. */
final class GatewayRequests {

    private GatewayRequests() {}

    /** {@code {"image": {"mediaType": ..., "data": <base64>}}}. */
    static ObjectNode ocr(EkycImage image) {
        ObjectNode body = object();
        body.set("image", image(image));
        return body;
    }

    /** {@code {"document": {"type", "name", "birthDate", "idNumber", "issueDate"?, "expiryDate"?}}}. */
    static ObjectNode verify(IdFields fields) {
        ObjectNode document = object().put("type", fields.type().wire())
                .put("name", fields.name())
                .put("birthDate", fields.birthDate().toString())
                .put("idNumber", fields.idNumber());
        if (fields.issueDate() != null) {
            document.put("issueDate", fields.issueDate().toString());
        }
        if (fields.expiryDate() != null) {
            document.put("expiryDate", fields.expiryDate().toString());
        }
        ObjectNode body = object();
        body.set("document", document);
        return body;
    }

    /** {@code {"selfie": {...}, "idImage": {...}}}. */
    static ObjectNode face(FaceMatchRequest request) {
        ObjectNode body = object();
        body.set("selfie", image(request.selfie()));
        body.set("idImage", image(request.idImage()));
        return body;
    }

    /** {@code {"bankCode", "accountNumber", "holderName"?}}. */
    static ObjectNode transfer(BankAccount account) {
        ObjectNode body = object().put("bankCode", account.bankCode()).put("accountNumber", account.accountNumber());
        if (account.holderName() != null) {
            body.put("holderName", account.holderName());
        }
        return body;
    }

    /** {@code {"code"}}, trimmed. */
    static ObjectNode confirm(TransferCode code) {
        return object().put("code", code.code().trim());
    }

    private static ObjectNode image(EkycImage image) {
        return object().put("mediaType", image.mediaType())
                .put("data", Base64.getEncoder().encodeToString(image.bytes()));
    }

    private static ObjectNode object() {
        return GatewayTransport.JSON.createObjectNode();
    }
}
