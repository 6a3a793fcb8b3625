"""The quickstart plus the certificate `pulumi import` adopted, as the program taking it over states it
(its subject as issued: the common name given, the rest inherited from the root CA)."""

import os
import runpy

import pulumi_huaweicloud_ccm as ccm

quickstart = runpy.run_path(os.environ["CCM_QUICKSTART"], run_name="__main__")
root: ccm.PrivateCa = quickstart["root"]

ccm.PrivateCertificate(
    "legacy",
    issuer_id=root.ca_id,
    key_algorithm=ccm.CertificateKeyAlgorithm.RSA2048,
    signature_algorithm=ccm.CertificateSignatureAlgorithm.SHA256,
    distinguished_name={
        "common_name": "legacy.internal.example",
        "country": "CN",
        "state": "Sichuan",
        "locality": "Chengdu",
        "organization": "Example Corp",
        "organizational_unit": "Platform",
    },
    validity={"type": ccm.ValidityType.DAY, "value": 10},
)
