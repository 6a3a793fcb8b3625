// The quickstart's shape in Go, on the generated Go SDK (sdk/go/huaweicloudccm), run through Go's
// Automation API in inline mode: no Go language host is involved, the engine still starts the
// native plugin for the resources. Driven by test/languages/go.languages.test.ts, one step per run
// (the stack lives in a file:// backend between runs); each run prints one JSON line.
//
//	ccm-go-e2e up | preview | refresh | import <id> | destroy | export
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	ccm "example.invalid/pulumi-huaweicloud-ccm/sdk/go/huaweicloudccm"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optimport"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func program(ctx *pulumi.Context) error {
	org := func(cn string) ccm.DistinguishedNameArgs {
		return ccm.DistinguishedNameArgs{
			CommonName: pulumi.String(cn), Country: pulumi.String("CN"), State: pulumi.String("Sichuan"),
			Locality: pulumi.String("Chengdu"), Organization: pulumi.String("Example Corp"),
			OrganizationalUnit: pulumi.String("Platform"),
		}
	}
	root, err := ccm.NewPrivateCa(ctx, "root", &ccm.PrivateCaArgs{
		Type: ccm.CaTypeROOT, DistinguishedName: org("Example Root CA"), KeyAlgorithm: ccm.CaKeyAlgorithmEC384,
		SignatureAlgorithm: ccm.CaSignatureAlgorithmSHA384, Validity: ccm.ValidityArgs{Type: ccm.ValidityTypeYEAR, Value: pulumi.Int(10)},
		PendingDays: pulumi.Int(7),
	})
	if err != nil {
		return err
	}
	issuing, err := ccm.NewPrivateCa(ctx, "issuing", &ccm.PrivateCaArgs{
		Type: ccm.CaTypeSUBORDINATE, IssuerId: root.CaId, DistinguishedName: org("Example Issuing CA"),
		KeyAlgorithm: ccm.CaKeyAlgorithmEC256, SignatureAlgorithm: ccm.CaSignatureAlgorithmSHA256,
		Validity: ccm.ValidityArgs{Type: ccm.ValidityTypeYEAR, Value: pulumi.Int(5)}, PathLength: pulumi.Int(0),
		PendingDays: pulumi.Int(7),
	})
	if err != nil {
		return err
	}
	certificate, err := ccm.NewPrivateCertificate(ctx, "app", &ccm.PrivateCertificateArgs{
		IssuerId:           issuing.CaId.Elem(),
		KeyAlgorithm:       ccm.CertificateKeyAlgorithmEC256,
		SignatureAlgorithm: ccm.CertificateSignatureAlgorithmSHA256,
		DistinguishedName:  ccm.PrivateCertificateDistinguishedNameArgs{CommonName: pulumi.String("app.internal.example")},
		SubjectAlternativeNames: ccm.SubjectAlternativeNameArray{
			ccm.SubjectAlternativeNameArgs{Type: ccm.SubjectAlternativeNameTypeDNS, Value: pulumi.String("app.internal.example")},
		},
		Validity: ccm.ValidityArgs{Type: ccm.ValidityTypeDAY, Value: pulumi.Int(90)},
		Tags:     pulumi.StringMap{"app": pulumi.String("demo")},
	})
	if err != nil {
		return err
	}
	bundle, err := ccm.NewCertificateBundle(ctx, "nginx", &ccm.CertificateBundleArgs{
		CertificateId: certificate.CertificateId.Elem(), Type: ccm.CertificateBundleTypeNGINX,
	})
	if err != nil {
		return err
	}
	// The lookups, in both forms: Output forms wait for ids known only after up (a preview makes no
	// call for them); the promise form runs at preview too.
	issuingFound := ccm.LookupPrivateCaOutput(ctx, ccm.LookupPrivateCaOutputArgs{CaId: issuing.CaId})
	issued := ccm.LookupPrivateCertificateOutput(ctx, ccm.LookupPrivateCertificateOutputArgs{
		CertificateId: certificate.CertificateId.Elem(),
	})
	underIssuing := ccm.GetPrivateCertificatesOutput(ctx, ccm.GetPrivateCertificatesOutputArgs{
		IssuerId: certificate.IssuerId, ExpiringWithinDays: pulumi.Int(100),
	})
	roots := ccm.GetPrivateCasOutput(ctx, ccm.GetPrivateCasOutputArgs{
		CommonName: root.DistinguishedName.CommonName(), Type: ccm.CaTypeROOT,
	})
	quotas, err := ccm.GetQuotas(ctx)
	if err != nil {
		return err
	}
	ctx.Export("lookupIssuingCommonName", issuingFound.CommonName())
	ctx.Export("lookupIssuingCertificatePem", issuingFound.CertificatePem())
	ctx.Export("lookupCertificateSans", issued.SubjectAlternativeNames())
	ctx.Export("lookupCertificateSerial", issued.SerialNumber())
	ctx.Export("lookupExpiringIds", underIssuing.Ids())
	ctx.Export("lookupRootIds", roots.Ids())
	ctx.Export("quotaCaQuota", pulumi.Int(quotas.CaQuota))
	// CCM_TAKEN_OVER: the certificate `import` adopted, as the program taking it over states it.
	if os.Getenv("CCM_TAKEN_OVER") != "" {
		// The subject as issued: the common name given, the rest inherited from the root.
		_, err := ccm.NewPrivateCertificate(ctx, "legacy", &ccm.PrivateCertificateArgs{
			IssuerId:           root.CaId.Elem(),
			KeyAlgorithm:       ccm.CertificateKeyAlgorithmRSA2048,
			SignatureAlgorithm: ccm.CertificateSignatureAlgorithmSHA256,
			DistinguishedName: ccm.PrivateCertificateDistinguishedNameArgs{
				CommonName: pulumi.String("legacy.internal.example"), Country: pulumi.String("CN"),
				State: pulumi.String("Sichuan"), Locality: pulumi.String("Chengdu"),
				Organization: pulumi.String("Example Corp"), OrganizationalUnit: pulumi.String("Platform"),
			},
			Validity: ccm.ValidityArgs{Type: ccm.ValidityTypeDAY, Value: pulumi.Int(10)},
		})
		if err != nil {
			return err
		}
	}
	ctx.Export("rootCaId", root.CaId)
	ctx.Export("status", certificate.Status)
	ctx.Export("serialNumber", bundle.SerialNumber)
	ctx.Export("privateKeyPem", bundle.PrivateKeyPem)
	return nil
}

func stack(ctx context.Context, runtime string) (auto.Stack, error) {
	command, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: os.Getenv("CCM_PULUMI_ROOT")})
	if err != nil {
		return auto.Stack{}, err
	}
	project := workspace.Project{
		Name:    "ccm-go-e2e",
		Runtime: workspace.NewProjectRuntimeInfo(runtime, nil),
		Backend: &workspace.ProjectBackend{URL: "file://" + os.Getenv("CCM_STATE_DIR")},
	}
	s, err := auto.UpsertStackInlineSource(ctx, "test", project.Name.String(), program,
		auto.Project(project), auto.Pulumi(command), auto.PulumiHome(os.Getenv("PULUMI_HOME")),
		auto.SecretsProvider("passphrase"), auto.WorkDir(os.Getenv("CCM_WORK_DIR")))
	if err != nil {
		return s, err
	}
	var config map[string]string
	if err := json.Unmarshal([]byte(os.Getenv("CCM_CONFIG")), &config); err != nil {
		return s, err
	}
	var secrets map[string]string
	if err := json.Unmarshal([]byte(os.Getenv("CCM_SECRETS")), &secrets); err != nil {
		return s, err
	}
	values := auto.ConfigMap{}
	for k, v := range config {
		values[k] = auto.ConfigValue{Value: v}
	}
	for k, v := range secrets {
		values[k] = auto.ConfigValue{Value: v, Secret: true}
	}
	return s, s.SetAllConfig(ctx, values)
}

func run(ctx context.Context, args []string) (any, error) {
	// GOTCHA: ImportResources runs `pulumi import` without the --client flag the other operations
	// pass for an inline program (the CLI's import has no such flag in v3.259.0), so the engine
	// loads the project's language host even with generateCode off, and pulumi-language-go cannot
	// be built here (the module proxy does not serve it). The inline program never runs through the
	// host, so the import step names the YAML one, which the test puts on PATH.
	runtime := "go"
	if args[0] == "import" {
		runtime = "yaml"
	}
	s, err := stack(ctx, runtime)
	if err != nil {
		return nil, err
	}
	switch args[0] {
	case "preview":
		r, err := s.Preview(ctx, optpreview.Diff())
		return map[string]any{"changes": r.ChangeSummary}, err
	case "up":
		r, err := s.Up(ctx)
		if err != nil {
			return nil, err
		}
		outputs := map[string]any{}
		for k, v := range r.Outputs {
			outputs[k] = map[string]any{"value": v.Value, "secret": v.Secret}
		}
		// The engine's output too: a test checks its diagnostics (e.g. no ambient-plugin warning).
		return map[string]any{"changes": r.Summary.ResourceChanges, "outputs": outputs, "log": r.StdOut + r.StdErr}, nil
	case "refresh":
		r, err := s.Refresh(ctx, optrefresh.ExpectNoChanges())
		if err != nil {
			return nil, err
		}
		return map[string]any{"changes": r.Summary.ResourceChanges}, nil
	case "import":
		r, err := s.ImportResources(ctx, optimport.Protect(false), optimport.GenerateCode(false),
			optimport.Resources([]*optimport.ImportResource{
				{Type: "huaweicloud-ccm:index:PrivateCertificate", Name: "legacy", ID: args[1]},
			}))
		if err != nil {
			return nil, err
		}
		return map[string]any{"changes": r.Summary.ResourceChanges}, nil
	case "destroy":
		r, err := s.Destroy(ctx)
		if err != nil {
			return nil, err
		}
		return map[string]any{"changes": r.Summary.ResourceChanges, "log": r.StdOut + r.StdErr}, nil
	case "export":
		d, err := s.Export(ctx)
		return map[string]any{"deployment": d.Deployment}, err
	}
	return nil, fmt.Errorf("unknown step %q", args[0])
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: ccm-go-e2e up|preview|refresh|import <id>|destroy|export")
		os.Exit(2)
	}
	result, err := run(context.Background(), os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(result); err != nil {
		os.Exit(1)
	}
}
