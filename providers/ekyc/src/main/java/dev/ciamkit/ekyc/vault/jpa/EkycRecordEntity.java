package dev.ciamkit.ekyc.vault.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One verification that met the policy. Holds no plaintext PII: the ID number only as an HMAC (pepper outside the
 * database) and masked, names and birth date sealed with the common envelope ({@code PERSON_SEALED}, null once the
 * verification is withdrawn). Vendor references are the vendors' own opaque ids, no personal data.
 */
@Entity
@Table(name = "CIAMKIT_EKYC_RECORD")
public class EkycRecordEntity {

    public static final String VERIFIED = "VERIFIED";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "METHODS", length = 64, nullable = false)
    private String methods;

    @Column(name = "VENDOR_REFS", length = 1024)
    private String vendorRefs;

    @Column(name = "DOCUMENT_TYPE", length = 32, nullable = false)
    private String documentType;

    @Column(name = "ID_HASH", length = 128, nullable = false)
    private String idHash;

    @Column(name = "ID_MASKED", length = 64, nullable = false)
    private String idMasked;

    @Column(name = "PERSON_SEALED", length = 4000)
    private String personSealed;

    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;

    @Column(name = "VERIFIED_AT", nullable = false)
    private long verifiedAt;

    @Column(name = "VALID_UNTIL", nullable = false)
    private long validUntil;

    @Column(name = "DUPLICATE_FLAG", nullable = false)
    private boolean duplicate;

    @Column(name = "CREDENTIAL_ID", length = 36)
    private String credentialId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "WITHDRAWN_AT")
    private Long withdrawnAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getMethods() {
        return methods;
    }

    public void setMethods(String methods) {
        this.methods = methods;
    }

    public String getVendorRefs() {
        return vendorRefs;
    }

    public void setVendorRefs(String vendorRefs) {
        this.vendorRefs = vendorRefs;
    }

    public String getDocumentType() {
        return documentType;
    }

    public void setDocumentType(String documentType) {
        this.documentType = documentType;
    }

    public String getIdHash() {
        return idHash;
    }

    public void setIdHash(String idHash) {
        this.idHash = idHash;
    }

    public String getIdMasked() {
        return idMasked;
    }

    public void setIdMasked(String idMasked) {
        this.idMasked = idMasked;
    }

    public String getPersonSealed() {
        return personSealed;
    }

    public void setPersonSealed(String personSealed) {
        this.personSealed = personSealed;
    }

    public long getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(long startedAt) {
        this.startedAt = startedAt;
    }

    public long getVerifiedAt() {
        return verifiedAt;
    }

    public void setVerifiedAt(long verifiedAt) {
        this.verifiedAt = verifiedAt;
    }

    public long getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(long validUntil) {
        this.validUntil = validUntil;
    }

    public boolean isDuplicate() {
        return duplicate;
    }

    public void setDuplicate(boolean duplicate) {
        this.duplicate = duplicate;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getWithdrawnAt() {
        return withdrawnAt;
    }

    public void setWithdrawnAt(Long withdrawnAt) {
        this.withdrawnAt = withdrawnAt;
    }
}
