package dev.ciamkit.ekyc.vault.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** How many verifications a user started on one day (UTC); the primary key makes the first insert of a day unique. */
@Entity
@Table(name = "CIAMKIT_EKYC_ATTEMPT")
@IdClass(EkycAttemptEntity.Key.class)
public class EkycAttemptEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    /** Days since 1970-01-01 (UTC). */
    @Id
    @Column(name = "ATTEMPT_DAY")
    private long day;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

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

    public long getDay() {
        return day;
    }

    public void setDay(long day) {
        this.day = day;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String realmId;
        private String userId;
        private long day;

        public Key() {}

        public Key(String realmId, String userId, long day) {
            this.realmId = realmId;
            this.userId = userId;
            this.day = day;
        }

        public String getRealmId() {
            return realmId;
        }

        public String getUserId() {
            return userId;
        }

        public long getDay() {
            return day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && day == k.day
                    && Objects.equals(realmId, k.realmId)
                    && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, userId, day);
        }
    }
}
