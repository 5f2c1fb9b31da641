package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes/scheme"
	sigsyaml "sigs.k8s.io/yaml"
)

// Result is the outcome for one document of the stream (empty documents are not reported).
type Result struct {
	Index   int
	Kind    string
	APIVer  string
	Name    string
	Skipped string
	Err     error
}

// Describe names the object the way kubectl does: apiVersion kind/name.
func (r Result) Describe() string {
	name := r.Name
	if name == "" {
		name = "<no name>"
	}
	return fmt.Sprintf("%s %s/%s", r.APIVer, r.Kind, name)
}

type header struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name string `json:"name"`
	} `json:"metadata"`
}

// strictDecoder fails on unknown and duplicate fields, not only on wrong types.
var strictDecoder = serializer.NewCodecFactory(scheme.Scheme, serializer.EnableStrict).UniversalDeserializer()

// ValidateStream splits a multi-document YAML stream and validates each document.
func ValidateStream(data []byte) ([]Result, error) {
	reader := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	var results []Result
	for index := 0; ; index++ {
		doc, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return results, nil
		}
		if err != nil {
			return results, fmt.Errorf("splitting document %d: %w", index, err)
		}
		if r, ok := ValidateDocument(index, doc); ok {
			results = append(results, r)
		}
	}
}

// ValidateDocument validates one document; ok is false for documents with only comments.
func ValidateDocument(index int, doc []byte) (Result, bool) {
	result := Result{Index: index}
	jsonDoc, err := sigsyaml.YAMLToJSONStrict(doc)
	if err != nil {
		result.Err = fmt.Errorf("not valid YAML: %w", err)
		return result, true
	}
	trimmed := strings.TrimSpace(string(jsonDoc))
	if trimmed == "null" || trimmed == "" {
		return result, false
	}
	var h header
	if err := sigsyaml.Unmarshal(jsonDoc, &h); err != nil {
		result.Err = fmt.Errorf("not a Kubernetes object: %w", err)
		return result, true
	}
	result.Kind, result.APIVer, result.Name = h.Kind, h.APIVersion, h.Metadata.Name
	if h.APIVersion == "" || h.Kind == "" {
		result.Err = errors.New("apiVersion and kind are required")
		return result, true
	}
	gv, err := schema.ParseGroupVersion(h.APIVersion)
	if err != nil {
		result.Err = fmt.Errorf("bad apiVersion: %w", err)
		return result, true
	}
	if !scheme.Scheme.IsGroupRegistered(gv.Group) {
		result.Skipped = fmt.Sprintf("API group %q is not built into Kubernetes (a CRD); no schema to check against", gv.Group)
		return result, true
	}
	obj, _, err := strictDecoder.Decode(jsonDoc, nil, nil)
	switch {
	case runtime.IsNotRegisteredError(err):
		result.Err = fmt.Errorf("Kubernetes %s does not serve %s %s", kubeVersion(), h.Kind, h.APIVersion)
	case err != nil:
		result.Err = err
	default:
		result.Err = checkServed(obj, h)
	}
	return result, true
}

// removable is implemented by pre-release API types; k8s.io/api keeps their Go types long after
// the API server stopped serving them, so a registered type alone does not prove it is served.
type removable interface {
	APILifecycleRemoved() (major, minor int)
}

func checkServed(obj runtime.Object, h header) error {
	r, ok := obj.(removable)
	if !ok {
		return nil
	}
	major, minor := r.APILifecycleRemoved()
	current, ok := compiledMinor()
	if ok && major == 1 && minor <= current {
		return fmt.Errorf("%s %s was removed in Kubernetes %d.%d", h.Kind, h.APIVersion, major, minor)
	}
	return nil
}

// compiledMinor is the Kubernetes minor version of the compiled-in k8s.io/api.
func compiledMinor() (int, bool) {
	var major, minor int
	if _, err := fmt.Sscanf(kubeVersion(), "%d.%d", &major, &minor); err != nil {
		return 0, false
	}
	return minor, true
}

// kubeVersion reports the k8s.io/api version compiled in, as the Kubernetes minor it matches.
func kubeVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, dep := range info.Deps {
		if dep.Path == "k8s.io/api" {
			version := dep.Version
			if dep.Replace != nil {
				version = dep.Replace.Version
			}
			// k8s.io/api v0.N.P ships the types of Kubernetes 1.N.P.
			return "1" + strings.TrimPrefix(version, "v0")
		}
	}
	return "unknown"
}
