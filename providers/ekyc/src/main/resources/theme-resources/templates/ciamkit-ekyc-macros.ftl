<#-- Shared pieces of the eKYC pages. -->
<#macro fieldError name>
    <#if messagesPerField.existsError(name)>
        <div id="ciamkit-ekyc-${name}-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
            ${kcSanitize(messagesPerField.get(name))?no_esc}
        </div>
    </#if>
</#macro>

<#macro textField name label value="" type="text" autocomplete="off" hint="" inputmode="">
    <div class="${properties.kcFormGroupClass!}">
        <label for="${name}" class="${properties.kcLabelClass!}">${msg(label)}</label>
        <span class="${properties.kcInputClass!} <#if messagesPerField.existsError(name)>${properties.kcError!}</#if>">
            <input id="${name}" name="${name}" type="${type}" value="${value}" autocomplete="${autocomplete}"
                   <#if inputmode?has_content>inputmode="${inputmode}"</#if>
                   aria-invalid="<#if messagesPerField.existsError(name)>true<#else>false</#if>"
                   aria-describedby="ciamkit-ekyc-${name}-error<#if hint?has_content> ciamkit-ekyc-${name}-hint</#if>"/>
        </span>
        <#if hint?has_content>
            <p id="ciamkit-ekyc-${name}-hint" class="ciamkit-hint">${hint}</p>
        </#if>
        <@fieldError name=name/>
    </div>
</#macro>

<#-- An image field: file upload (with the phone's camera via capture), and the browser camera where it can be used. -->
<#macro imageField name label facing>
    <div class="${properties.kcFormGroupClass!}">
        <label for="${name}" class="${properties.kcLabelClass!}">${msg(label)}</label>
        <span class="${properties.kcInputClass!} <#if messagesPerField.existsError(name)>${properties.kcError!}</#if>">
            <input id="${name}" name="${name}" type="file" accept="image/jpeg,image/png" capture="${facing}"
                   data-max-bytes="${(ciamkitEkycMaxKb * 1024)?c}" data-too-large="${msg("ciamkitEkycImageTooLarge", ciamkitEkycMaxKb?c)}"
                   aria-invalid="<#if messagesPerField.existsError(name)>true<#else>false</#if>"
                   aria-describedby="ciamkit-ekyc-${name}-hint ciamkit-ekyc-${name}-error"/>
        </span>
        <p id="ciamkit-ekyc-${name}-hint" class="ciamkit-hint">${msg("ciamkitEkycImageHint", ciamkitEkycMaxKb?c)}</p>
        <div class="ciamkit-camera" data-ciamkit-camera="${name}" data-facing="${facing}"
             data-denied="${msg("ciamkitEkycCameraDenied")}" data-taken="${msg("ciamkitEkycCameraTaken")}" hidden>
            <button type="button" class="${properties.kcButtonSecondaryClass!} ciamkit-camera-start">${msg("ciamkitEkycUseCamera")}</button>
            <video class="ciamkit-camera-video" playsinline muted hidden aria-label="${msg("ciamkitEkycCameraPreview")}"></video>
            <button type="button" class="${properties.kcButtonSecondaryClass!} ciamkit-camera-shoot" hidden>${msg("ciamkitEkycTakePhoto")}</button>
            <p class="ciamkit-camera-status" role="status" aria-live="polite"></p>
        </div>
        <@fieldError name=name/>
    </div>
</#macro>

<#macro progress>
    <#if ciamkitEkycPassed?has_content>
        <p class="ciamkit-ekyc-progress" id="ciamkit-ekyc-progress">${msg("ciamkitEkycProgress", ciamkitEkycPassed?size, ciamkitEkycRequired)}</p>
    </#if>
</#macro>

<#macro startAgain>
    <form id="ciamkit-ekyc-restart-form" action="${url.loginAction}" method="post" novalidate>
        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" name="restart" value="1"
                id="ciamkit-ekyc-restart" type="submit">${msg("ciamkitEkycStartAgain")}</button>
    </form>
</#macro>
