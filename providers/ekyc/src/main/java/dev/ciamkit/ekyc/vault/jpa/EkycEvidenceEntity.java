package dev.ciamkit.ekyc.vault.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * An image a verification kept (only when the policy keeps images), sealed with the common envelope. The sealed value
 * ({@code ck1.<keyId>.<base64url>}, ASCII) is stored as bytes in a LOB column mapped as Keycloak maps its own binary
 * column ({@code CLUSTER_EVENT.EVENT_DATA}: {@code @Lob byte[]}, Liquibase {@code BLOB}, i.e. BYTEA on PostgreSQL).
 */
@Entity
@Table(name = "CIAMKIT_EKYC_EVIDENCE")
public class EkycEvidenceEntity {

    public static final String ID_IMAGE = "ID_IMAGE";
    public static final String SELFIE = "SELFIE";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "RECORD_ID", length = 36, nullable = false)
    private String recordId;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Lob
    @Column(name = "SEALED", nullable = false)
    private byte[] sealed;

    @Column(name = "MEDIA_TYPE", length = 64, nullable = false)
    private String mediaType;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public byte[] getSealed() {
        return sealed;
    }

    public void setSealed(byte[] sealed) {
        this.sealed = sealed;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
