// Command kube-validate strictly decodes every manifest of a multi-document YAML stream with the
// client-go scheme of the Kubernetes version it was built against. Unknown fields, wrong types,
// duplicate keys and kinds the API version no longer serves are errors; kinds of groups the
// scheme does not know at all (CRDs such as monitoring.coreos.com/v1 ServiceMonitor) are skipped
// with a note, since no schema for them is compiled in.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	quiet := flag.Bool("quiet", false, "print only errors and skipped kinds, not every valid object")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(),
			"usage: %s [--quiet] [FILE...]\n\nValidates Kubernetes manifests against the API types of Kubernetes %s.\nReads standard input when no FILE (or '-') is given. Exit 0 valid, 1 invalid, 2 usage/read error.\n",
			os.Args[0], kubeVersion())
		flag.PrintDefaults()
	}
	flag.Parse()
	files := flag.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	invalid := 0
	for _, name := range files {
		data, err := readInput(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "kube-validate: %v\n", err)
			os.Exit(2)
		}
		results, err := ValidateStream(data)
		if err != nil {
			fmt.Fprintf(os.Stderr, "kube-validate: %s: %v\n", name, err)
			os.Exit(2)
		}
		for _, r := range results {
			switch {
			case r.Err != nil:
				invalid++
				fmt.Printf("INVALID %s: document %d (%s): %v\n", name, r.Index, r.Describe(), r.Err)
			case r.Skipped != "":
				fmt.Printf("SKIPPED %s: document %d (%s): %s\n", name, r.Index, r.Describe(), r.Skipped)
			case !*quiet:
				fmt.Printf("VALID   %s: document %d (%s)\n", name, r.Index, r.Describe())
			}
		}
	}
	fmt.Printf("kube-validate (Kubernetes %s): %d invalid\n", kubeVersion(), invalid)
	if invalid > 0 {
		os.Exit(1)
	}
}

func readInput(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(name)
}
