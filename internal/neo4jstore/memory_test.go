package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/confgraph/confgraph/internal/confgraph"
)

// neo4jMemoryError is what Neo4j 5.26 answers a transaction that passes
// db.memory.transaction.max (as seen with the limit set to 2 MiB).
func neo4jMemoryError(setting string) *neo4j.Neo4jError {
	return &neo4j.Neo4jError{
		Code:      "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
		Msg:       "The allocation of an extra 2.0 MiB would use more than the limit 2.0 MiB. Currently using 2.0 MiB. " + setting + " threshold reached",
		GqlStatus: "50N42",
	}
}

func TestMemoryRefusalIsReportedAsSuch(t *testing.T) {
	perTx := neo4jMemoryError("db.memory.transaction.max")
	// The driver retries transient errors until its retry time is up.
	retried := &neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 5s)", Errors: []error{perTx, perTx}}
	for _, c := range []struct {
		name string
		err  error
		want []string // in the message
	}{
		{"Neo4j 5 per transaction", perTx, []string{"needs more transaction memory than the database allows one transaction", "db.memory.transaction.max"}},
		{"retried by the driver", retried, []string{"allows one transaction", "db.memory.transaction.max"}},
		{"a load's joined errors", errors.Join(retried, errors.New("closing the session")), []string{"allows one transaction", "db.memory.transaction.max"}},
		{"all transactions' pool", neo4jMemoryError("dbms.memory.transaction.total.max"), []string{"has left for all transactions", "dbms.memory.transaction.total.max", "db.memory.transaction.max"}},
		{"the database's pool", neo4jMemoryError("db.memory.transaction.total.max"), []string{"has left for all transactions", "db.memory.transaction.total.max"}},
		{"client error code", &neo4j.Neo4jError{Code: "Neo.ClientError.General.TransactionOutOfMemoryError", Msg: "The transaction used more memory than was allowed."}, []string{"allows one transaction", "db.memory.transaction.max"}},
		{"transaction memory limit", &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionMemoryLimit", Msg: "limit reached"}, []string{"allows one transaction", "db.memory.transaction.max"}},
		{"transient memory limit", &neo4j.Neo4jError{Code: "Neo.TransientError.General.TransactionMemoryLimit", Msg: "There is not enough memory to perform the current task."}, []string{"db.memory.transaction.max"}},
		{"GQL status only", &neo4j.Neo4jError{Code: "Neo.TransientError.General.Unknown", GqlStatus: "51N73", Msg: "transaction memory limit reached"}, []string{"db.memory.transaction.max"}},
		{"GQL cause", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.ExecutionFailed", GqlStatus: "50N42", GqlCause: neo4jMemoryError("db.memory.transaction.max")}, []string{"db.memory.transaction.max"}},
		{"unlisted memory code", &neo4j.Neo4jError{Code: "Neo.TransientError.General.QueryMemoryLimit", Msg: "x"}, []string{"db.memory.transaction.max"}},
		{"heap", &neo4j.Neo4jError{Code: "Neo.TransientError.General.OutOfMemoryError", Msg: "There is not enough memory to perform the current task. Please try increasing 'server.memory.heap.max_size' in the neo4j configuration"}, []string{"more memory than the database has", "server.memory.heap.max_size", "db.memory.transaction.max"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &Store{where: "neo4j at bolt://127.0.0.1:7687"}
			err := s.fail(context.Background(), "replace document", c.err)
			if code := confgraph.ErrorCode(err); code != confgraph.EINVALID {
				t.Errorf("code %q, want %q: %v", code, confgraph.EINVALID, err)
			}
			msg := confgraph.ErrorMessage(err)
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if strings.Contains(msg, "unavailable") || strings.Contains(msg, "threshold") {
				t.Errorf("message %q says the store is unavailable or quotes the driver", msg)
			}
			if isUnavailable(c.err) {
				t.Error("isUnavailable says a memory refusal is the store being away")
			}
			// The driver's error stays in the chain for the log.
			if !strings.Contains(err.Error(), "Neo4jError") && !strings.Contains(err.Error(), "TransactionExecutionLimit") {
				t.Errorf("the driver's error is not in the chain: %v", err)
			}
			open := s.openError(Config{User: "neo4j", Database: "neo4j"}, c.err)
			if confgraph.ErrorCode(open) != confgraph.EINVALID || !strings.Contains(confgraph.ErrorMessage(open), "memory") {
				t.Errorf("openError = %v, want EINVALID about memory", open)
			}
		})
	}
}

func TestOtherErrorsAreNoMemoryRefusal(t *testing.T) {
	deadlock := &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "deadlock"}
	for _, c := range []struct {
		name string
		err  error
		code string
	}{
		{"transient", deadlock, confgraph.EUNAVAILABLE},
		{"retried transient", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{deadlock}}, confgraph.EUNAVAILABLE},
		{"connectivity", &neo4j.ConnectivityError{Inner: errors.New("connection refused")}, confgraph.EUNAVAILABLE},
		{"syntax", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "Invalid input"}, confgraph.EINTERNAL},
		{"database error naming memory", &neo4j.Neo4jError{Code: "Neo.DatabaseError.General.UnknownError", Msg: "db.memory.transaction.max"}, confgraph.EINTERNAL},
		{"domain error", fmt.Errorf("x: %w", confgraph.Errorf(confgraph.EINVALID, "bad")), confgraph.EINVALID},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &Store{}
			err := s.fail(context.Background(), "list", c.err)
			if memoryRefusal(c.err) != nil {
				t.Errorf("%v taken for a memory refusal", c.err)
			}
			if code := confgraph.ErrorCode(err); code != c.code {
				t.Errorf("code %q, want %q: %v", code, c.code, err)
			}
			if strings.Contains(confgraph.ErrorMessage(err), "memory") {
				t.Errorf("message %q speaks of memory", confgraph.ErrorMessage(err))
			}
		})
	}
}
