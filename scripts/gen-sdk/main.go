// gen-sdk: writes the Go, Python and Node.js SDKs of schema.json with the code generators of
// github.com/pulumi/pulumi/pkg/v3/codegen — the functions `pulumi package gen-sdk` reaches through
// each language host's GeneratePackage call. The hosts themselves (pulumi-language-go, -python,
// -nodejs) are nested modules of pulumi/pulumi that the module proxy does not serve, so the CLI
// cannot run them here; this program calls the same generators at the CLI's version.
//
//	gen-sdk <schema.json> <out dir> <language>...
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-huaweicloud-ccm gen-sdk"

func main() {
	if len(os.Args) < 4 {
		fail(fmt.Errorf("usage: gen-sdk <schema.json> <out dir> <language>..."))
	}
	text, err := os.ReadFile(os.Args[1])
	fail(err)
	var spec schema.PackageSpec
	fail(json.Unmarshal(text, &spec))
	for _, language := range os.Args[3:] {
		// A fresh bind per language: each generator imports its own language section.
		pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
		fail(err)
		if diags.HasErrors() {
			fail(diags)
		}
		var files map[string][]byte
		switch language {
		case "go":
			files, err = gogen.GeneratePackage(tool, pkg, nil)
		case "python":
			files, err = python.GeneratePackage(tool, pkg, nil, noPackages{})
		case "nodejs":
			files, err = nodejs.GeneratePackage(tool, pkg, nil, nil, false, noPackages{})
		default:
			err = fmt.Errorf("no generator for %q (go, python, nodejs)", language)
		}
		fail(err)
		for name, content := range files {
			path := filepath.Join(os.Args[2], language, name)
			fail(os.MkdirAll(filepath.Dir(path), 0o755))
			fail(os.WriteFile(path, content, 0o644))
		}
		fmt.Printf("%s: %d files\n", language, len(files))
	}
}

// noPackages is the loader for a schema that refers to no other package: any lookup is an error.
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("schema refers to package %q; none is available", name)
}

func (noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, fmt.Errorf("schema refers to package %q; none is available", d.Name)
}

func (noPackages) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("schema refers to package %q; none is available", name)
}

func (noPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, fmt.Errorf("schema refers to package %q; none is available", d.Name)
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-sdk:", err)
		os.Exit(1)
	}
}
