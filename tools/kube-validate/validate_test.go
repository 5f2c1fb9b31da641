package main

import (
	"strings"
	"testing"
)

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
`

func validateOne(t *testing.T, doc string) Result {
	t.Helper()
	results, err := ValidateStream([]byte(doc))
	if err != nil {
		t.Fatalf("ValidateStream: %v", err)
	}
	if len(results) != 1 {
		t.Fatalf("want 1 result, got %d", len(results))
	}
	return results[0]
}

func TestAcceptsAValidDeployment(t *testing.T) {
	if r := validateOne(t, deployment); r.Err != nil || r.Skipped != "" {
		t.Fatalf("want valid, got err=%v skipped=%q", r.Err, r.Skipped)
	}
}

func TestRejectsUnknownFields(t *testing.T) {
	r := validateOne(t, strings.Replace(deployment, "image: nginx", "image: nginx, imagePolicy: x", 1))
	if r.Err == nil || !strings.Contains(r.Err.Error(), `unknown field "spec.template.spec.containers[0].imagePolicy"`) {
		t.Fatalf("want unknown field error, got %v", r.Err)
	}
}

func TestRejectsWrongTypes(t *testing.T) {
	r := validateOne(t, strings.Replace(deployment, "replicas: 2", `replicas: "2"`, 1))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "replicas") {
		t.Fatalf("want type error on replicas, got %v", r.Err)
	}
}

func TestRejectsDuplicateKeys(t *testing.T) {
	r := validateOne(t, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {a: b, a: c}\n")
	if r.Err == nil {
		t.Fatal("want duplicate key error")
	}
}

func TestRejectsRemovedAPIVersions(t *testing.T) {
	r := validateOne(t, "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: a}\n")
	if r.Err == nil || !strings.Contains(r.Err.Error(), "removed in Kubernetes 1.25") {
		t.Fatalf("want removed-API error, got %v", r.Err)
	}
}

func TestSkipsCustomResources(t *testing.T) {
	r := validateOne(t, "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: a}\n")
	if r.Err != nil || r.Skipped == "" {
		t.Fatalf("want skipped, got err=%v skipped=%q", r.Err, r.Skipped)
	}
}

func TestIgnoresCommentOnlyDocuments(t *testing.T) {
	results, err := ValidateStream([]byte("# only a comment\n---\n---\n" + deployment))
	if err != nil || len(results) != 1 {
		t.Fatalf("want one result, got %d (err %v)", len(results), err)
	}
}
