"""The quickstart in Python, on the generated SDK (sdk/python) and the native plugin: a root CA, an
issuing CA signed by it, a server certificate that renews itself 30 days before it expires, and
the certificate exported for NGINX. Every PEM and key below is a Pulumi secret.

Against Huawei Cloud: `pulumi config set --secret huaweicloud-ccm:accessKey ...` (and secretKey),
or HW_ACCESS_KEY / HW_SECRET_KEY, then `pulumi up` with pulumi-resource-huaweicloud-ccm on PATH.
test/languages/python.languages.test.ts runs this file against the local emulator.
"""

import pulumi
import pulumi_huaweicloud_ccm as ccm

config = pulumi.Config()
hostname = config.get("hostname") or "app.internal.example"


def organisation(common_name: str) -> ccm.DistinguishedNameArgsDict:
    return {
        "common_name": common_name,
        "country": "CN",
        "state": "Sichuan",
        "locality": "Chengdu",
        "organization": "Example Corp",
        "organizational_unit": "Platform",
    }


root = ccm.PrivateCa(
    "root",
    type=ccm.CaType.ROOT,
    distinguished_name=organisation("Example Root CA"),
    key_algorithm=ccm.CaKeyAlgorithm.EC384,
    signature_algorithm=ccm.CaSignatureAlgorithm.SHA384,
    validity={"type": ccm.ValidityType.YEAR, "value": 10},
    pending_days=7,
)

issuing = ccm.PrivateCa(
    "issuing",
    type=ccm.CaType.SUBORDINATE,
    issuer_id=root.ca_id,
    distinguished_name=organisation("Example Issuing CA"),
    key_algorithm=ccm.CaKeyAlgorithm.EC256,
    signature_algorithm=ccm.CaSignatureAlgorithm.SHA256,
    validity={"type": ccm.ValidityType.YEAR, "value": 5},
    path_length=0,
    pending_days=7,
)

certificate = ccm.PrivateCertificate(
    "app",
    issuer_id=issuing.ca_id,
    key_algorithm=ccm.CertificateKeyAlgorithm.EC256,
    signature_algorithm=ccm.CertificateSignatureAlgorithm.SHA256,
    distinguished_name={"common_name": hostname},
    subject_alternative_names=[{"type": ccm.SubjectAlternativeNameType.DNS, "value": hostname}],
    key_usages=[ccm.KeyUsage.DIGITAL_SIGNATURE, ccm.KeyUsage.KEY_AGREEMENT],
    extended_key_usage={"server_auth": True},
    validity={"type": ccm.ValidityType.DAY, "value": 90},
    renew_before="30d",
    revoke_on_delete=ccm.RevocationReason.SUPERSEDED,
    tags={"app": "demo"},
)

nginx = ccm.CertificateBundle(
    "nginx",
    certificate_id=certificate.certificate_id,
    type=ccm.CertificateBundleType.NGINX,
)

pulumi.export("rootCaId", root.ca_id)
pulumi.export("certificateId", certificate.certificate_id)
pulumi.export("status", certificate.status)
pulumi.export("serialNumber", nginx.serial_number)
pulumi.export("fullChainPem", nginx.full_chain_pem)
pulumi.export("privateKeyPem", nginx.private_key_pem)
