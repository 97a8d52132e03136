package dev.ciamkit.otp.form;

import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.credential.CredentialModel;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;

/**
 * The device choice on our code pages (mobile OTP, PIN + OTP): the user's devices, oldest first, and the one
 * preselected: the one chosen last in this login if it still exists, otherwise the oldest.
 */
public record DevicePicker(List<CredentialModel> devices, String chosen) {

    public static DevicePicker of(UserModel user, String remembered) {
        List<CredentialModel> devices = MobileOtpCredentialModel.devices(user);
        String chosen = devices.stream().anyMatch(d -> d.getId().equals(remembered))
                ? remembered
                : devices.isEmpty() ? "" : devices.get(0).getId();
        return new DevicePicker(devices, chosen);
    }

    /** Puts the picker on the page: {@code ciamkitDevices} (id, label) and {@code ciamkitSelectedDevice}. */
    public LoginFormsProvider show(LoginFormsProvider form) {
        return form.setAttribute(
                        "ciamkitDevices",
                        devices.stream().map(DevicePicker::view).toList())
                .setAttribute("ciamkitSelectedDevice", chosen);
    }

    private static Map<String, String> view(CredentialModel device) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("id", device.getId());
        view.put("label", device.getUserLabel() == null ? "" : device.getUserLabel());
        return view;
    }
}
