// What the PEM and schema tests (pem-schemas.*) share: the CSR sample of the API pages and a CA id.

// The CSR sample of the "export CA CSR" page (CCM "ExportCertificateAuthorityCsr"), "\r\n" line breaks as the API sends them.
export const SEED_CSR =
  "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIBUDCB2AIBADBZMRAwDgYDVQQDDAdDU1IsMTIzMQswCQYDVQQGEwJjbjERMA8G\r\nA1UECAwIc2hhbmdoYWkxETAPBgNVBAcMCHNoYW5naGFpMRIwEAYDVQQKDAlzaGFu\r\nZyxoYWkwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAQl9M7bK+vys5x9mnfG3783aPRh\r\nP/xqLPKVsRsqniC3vPZvIz9E7SasMfZLrXVK37QWhtAEtgNG7NrQnwiOye0/8VZL\r\nVX7ildM6CZY4SlJYSa6TBUsXyGjOs514fjxbuT6gADAKBggqhkjOPQQDAgNnADBk\r\nAjBlQiPXU7TDDDwxrh+JfZEYgmr61cIQdE5GMozPDYime30zcuMnVrb9i3o/2BW+\r\n0lECMG0QWbAYh0LoqnmAYqlgTKK8nKsxm0xFuTRyfxynWi8BpCvAGx803Qpa8EJV\r\nJTTjcw==\r\n-----END CERTIFICATE REQUEST-----";

export const CA_ID = "2cb2878b-6cd1-460d-bd25-afe655159bdc";
