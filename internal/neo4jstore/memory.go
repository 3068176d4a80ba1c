package neo4jstore

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// memorySetting is the Neo4j setting bounding one transaction's memory.
const memorySetting = "db.memory.transaction.max"

// memoryCodes are the status codes Neo4j refuses a transaction with when
// it would use more memory than allowed: Neo4j 5 reports a transaction
// over db.memory.transaction.max, and the pool of all transactions
// (dbms.memory.transaction.total.max) running out, as
// Neo.TransientError.General.MemoryPoolOutOfMemoryError; other versions
// use the others.
var memoryCodes = map[string]bool{
	"Neo.TransientError.General.MemoryPoolOutOfMemoryError":  true,
	"Neo.ClientError.General.TransactionOutOfMemoryError":    true,
	"Neo.TransientError.General.TransactionOutOfMemoryError": true,
	"Neo.TransientError.General.TransactionMemoryLimit":      true,
	"Neo.ClientError.Transaction.TransactionMemoryLimit":     true,
	"Neo.TransientError.General.OutOfMemoryError":            true,
}

// memoryGQLStatuses are the GQLSTATUS codes of the same refusals: memory
// pool out of memory, transaction memory limit reached.
var memoryGQLStatuses = map[string]bool{"51N72": true, "51N73": true}

// settingInMessage finds the memory setting Neo4j names in its message
// ("... db.memory.transaction.max threshold reached").
var settingInMessage = regexp.MustCompile(`\b(?:db|dbms|server)\.memory\.[a-z_]+(?:\.[a-z_]+)*`)

// memoryRefusal finds in err's chain a refusal of Neo4j for memory, also
// among the attempts of a retried transaction.
func memoryRefusal(err error) *neo4j.Neo4jError {
	var (
		ne *neo4j.Neo4jError
		tl *neo4j.TransactionExecutionLimit
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ne):
		for e := ne; e != nil; e = e.GqlCause {
			if isMemoryCode(e) {
				return e
			}
		}
	case errors.As(err, &tl):
		for i := len(tl.Errors) - 1; i >= 0; i-- {
			if e := memoryRefusal(tl.Errors[i]); e != nil {
				return e
			}
		}
	}
	return nil
}

func isMemoryCode(e *neo4j.Neo4jError) bool {
	if memoryCodes[e.Code] || memoryGQLStatuses[e.GqlStatus] {
		return true
	}
	// Codes not listed yet, e.g. a later version's
	// Neo.TransientError.General.SomethingMemoryLimit.
	parts := strings.Split(e.Code, ".")
	if len(parts) != 4 || parts[0] != "Neo" || parts[1] == "DatabaseError" {
		return false
	}
	title := parts[3]
	return strings.Contains(title, "OutOfMemory") || strings.Contains(title, "MemoryLimit")
}

// memoryError is the domain error for a transaction Neo4j refused for
// memory, or nil when err is no such refusal. It is EINVALID: the same
// load or query fails again until it is made smaller or the setting
// raised, so it is no sign of the store being away (which would fail
// every other request fast for a while).
func memoryError(err error) *confgraph.Error {
	ne := memoryRefusal(err)
	if ne == nil {
		return nil
	}
	setting := settingInMessage.FindString(ne.Msg)
	switch {
	case setting == "":
		setting = memorySetting
		fallthrough
	case strings.Contains(setting, ".transaction.") && !strings.Contains(setting, "total"):
		return confgraph.Errorf(confgraph.EINVALID,
			"the load or query needs more transaction memory than the database allows one transaction (Neo4j's %s): load smaller documents, ask for fewer objects, or raise %s",
			setting, setting)
	case strings.Contains(setting, ".transaction."):
		return confgraph.Errorf(confgraph.EINVALID,
			"the load or query needs more transaction memory than the database has left for all transactions (Neo4j's %s; one transaction may use up to %s): try again when fewer run, ask for fewer objects, or raise %s",
			setting, memorySetting, setting)
	}
	return confgraph.Errorf(confgraph.EINVALID,
		"the load or query needs more memory than the database has (Neo4j's %s; one transaction may use up to %s): load smaller documents, ask for fewer objects, or give Neo4j more memory",
		setting, memorySetting)
}

// failMemory wraps a memory refusal for the caller (see fail), or
// returns nil when err is none.
func failMemory(op string, err error) error {
	me := memoryError(err)
	if me == nil {
		return nil
	}
	return fmt.Errorf("neo4jstore: %s: %w: %w", op, me, err)
}
