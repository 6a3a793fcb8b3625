// An SSL certificate bought or uploaded in SCM (SSL Certificate Manager), exported with its chain
// and private key — e.g. to hand to a load balancer or a server this stack configures. SCM owns the
// certificate: destroying this stack deletes nothing there. Every PEM below is a Pulumi secret.
//
//   pulumi config set scmCertificateId scs1554192131150     # the 16-character id from the SCM console
//   pulumi up
//   pulumi stack output fullChainPem --show-secrets > fullchain.pem
import * as pulumi from "@pulumi/pulumi";
import { ScmCertificateBundle } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();

const bundle = new ScmCertificateBundle("shop", { certificateId: config.require("scmCertificateId") });

// Secret: the certificate, its chain, leaf + chain (nginx's ssl_certificate), the key.
export const certificatePem = bundle.certificatePem;
export const certificateChainPem = bundle.certificateChainPem;
export const fullChainPem = bundle.fullChainPem;
export const entireCertificatePem = bundle.entireCertificatePem;
export const privateKeyPem = bundle.privateKeyPem;
// Not secret: read locally from the certificate.
export const subject = bundle.subject;
export const subjectAlternativeNames = bundle.subjectAlternativeNames;
export const serialNumber = bundle.serialNumber;
export const notBefore = bundle.notBefore;
export const notAfter = bundle.notAfter;
export const sha256Fingerprint = bundle.sha256Fingerprint;
