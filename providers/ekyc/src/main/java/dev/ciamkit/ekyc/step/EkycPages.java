package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.vault.EkycMethod;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * Renders the eKYC pages. Every value reaches the template as an attribute and is escaped there (FreeMarker's HTML
 * output format); messages are keys of the theme's bundles, so each page speaks the user's language.
 */
final class EkycPages {

    static final String ID_TEMPLATE = "ciamkit-ekyc-id.ftl";
    static final String CONFIRM_TEMPLATE = "ciamkit-ekyc-confirm.ftl";
    static final String ACCOUNT_TEMPLATE = "ciamkit-ekyc-account.ftl";
    static final String CODE_TEMPLATE = "ciamkit-ekyc-code.ftl";
    static final String ENDED_TEMPLATE = "ciamkit-ekyc-ended.ftl";

    static final String FIELD_ID_IMAGE = "idImage";
    static final String FIELD_SELFIE = "selfie";
    static final String FIELD_FAMILY_NAME = "familyName";
    static final String FIELD_GIVEN_NAME = "givenName";
    static final String FIELD_BIRTH_DATE = "birthDate";
    static final String FIELD_ID_NUMBER = "idNumber";
    static final String FIELD_ISSUE_DATE = "issueDate";
    static final String FIELD_BANK = "bank";
    static final String FIELD_ACCOUNT = "accountNumber";
    static final String FIELD_CODE = "code";

    /** Buttons. */
    static final String USE_ACCOUNT = "useAccount";

    static final String USE_FACE = "useFace";
    static final String RESTART = "restart";

    /** Korean banks' codes (the KFTC's three digits) offered for the 1-won transfer; names come from the bundles. */
    static final List<String> BANKS = List.of("004", "088", "020", "081", "011", "003", "023", "027", "090", "092");

    private final EkycPolicy policy;

    EkycPages(EkycPolicy policy) {
        this.policy = policy;
    }

    Response show(
            LoginFormsProvider form,
            EkycProgress progress,
            List<FormMessage> errors,
            String message,
            String uploadUrl,
            String pageToken) {
        form.setAttribute("ciamkitEkycUploadUrl", uploadUrl);
        form.setAttribute("ciamkitEkycToken", pageToken);
        if (message != null) {
            form.setError(message);
        }
        if (!errors.isEmpty()) {
            form.setErrors(errors);
        }
        Set<EkycMethod> passed = progress.passedMethods();
        Set<EkycMethod> lost = progress.lostMethods();
        form.setAttribute("ciamkitEkycMaxKb", policy.maxImageBytes() / 1024);
        form.setAttribute(
                "ciamkitEkycPassed", passed.stream().map(EkycMethod::wire).toList());
        form.setAttribute("ciamkitEkycRequired", policy.required());
        form.setAttribute("ciamkitEkycFace", offers(EkycMethod.FACE_MATCH, passed, lost));
        form.setAttribute("ciamkitEkycAccount", offers(EkycMethod.BANK_ACCOUNT, passed, lost));
        return switch (progress.stage()) {
            case ID -> form.createForm(ID_TEMPLATE);
            case CONFIRM -> confirm(form, progress);
            case ACCOUNT -> form.setAttribute("ciamkitEkycBanks", BANKS).createForm(ACCOUNT_TEMPLATE);
            case CODE -> form.createForm(CODE_TEMPLATE);
        };
    }

    /** A page that ends this attempt (the form offers to start over), with its message. */
    Response ended(LoginFormsProvider form, String message) {
        form.setError(message);
        return form.createForm(ENDED_TEMPLATE);
    }

    private Response confirm(LoginFormsProvider form, EkycProgress progress) {
        EkycProgress.Person person = progress.person();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", person.type().wire());
        fields.put(FIELD_FAMILY_NAME, person.familyName());
        fields.put(FIELD_GIVEN_NAME, person.givenName());
        fields.put(FIELD_BIRTH_DATE, person.birthDate());
        fields.put("idNumberMasked", dev.ciamkit.ekyc.vault.IdNumbers.mask(person.type(), person.idNumber()));
        fields.put(FIELD_ISSUE_DATE, person.issueDate() == null ? "" : person.issueDate());
        form.setAttribute("ciamkitEkycPerson", fields);
        form.setAttribute("ciamkitEkycPersonChecked", progress.personChecked());
        return form.createForm(CONFIRM_TEMPLATE);
    }

    boolean offers(EkycMethod method, Set<EkycMethod> passed, Set<EkycMethod> lost) {
        return policy.allows(method) && !passed.contains(method) && !lost.contains(method);
    }
}
