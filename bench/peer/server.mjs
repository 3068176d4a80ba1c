// The benchmark peer: the Neo4j GraphQL Library (@neo4j/graphql) serving the
// graph confgraph's Neo4j store writes, over plain HTTP with graphql-yoga.
//
// Environment: NEO4J_URI (bolt://127.0.0.1:7687), NEO4J_USER (neo4j),
// NEO4J_PASSWORD, NEO4J_DATABASE (neo4j), PORT (4000).
// Prints "READY http://127.0.0.1:PORT/graphql" once it listens.
//
// The Library never creates or changes constraints or indexes here: that
// only happens when assertIndexesAndConstraints() is called, and it is not.
// confgraph's store owns the schema (including the fulltext index).
import { createServer } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

// The six node types and their relationships, in the Library's type-def
// syntax. Field names follow confgraph's API where the Library allows it.
// sortKey (the lower-cased display name confgraph orders by) and id are
// exposed so the peer can order exactly as confgraph does.
const typeDefs = /* GraphQL */ `
  enum Level {
    BEGINNER
    INTERMEDIATE
    ADVANCED
  }

  enum TalkKind {
    TALK
    KEYNOTE
    PANEL
    OTHER
  }

  "Where a relationship was read: parallel lists, one entry per statement."
  type Evidence @relationshipProperties {
    evidenceDocuments: [String!]
    evidenceLines: [Int!]
    evidenceSnippets: [String!]
  }

  "A speaker presenting a talk, in a role (speaker, moderator, ...)."
  type Presented @relationshipProperties {
    role: String
    evidenceDocuments: [String!]
    evidenceLines: [Int!]
    evidenceSnippets: [String!]
  }

  type Event @node {
    id: ID!
    sortKey: String
    name: String!
    city: String
    country: String
    year: Int
    startDate: String
    endDate: String
    talks: [Talk!]! @relationship(type: "PART_OF", direction: IN, properties: "Evidence")
    recaps: [Recap!]! @relationship(type: "COVERS", direction: IN, properties: "Evidence")
  }

  type Talk
    @node
    @fulltext(indexes: [{ indexName: "confgraph_search", queryName: "talksSearch", fields: ["searchText"] }]) {
    id: ID!
    sortKey: String
    title: String!
    abstract: String
    level: Level
    kind: TalkKind
    durationMinutes: Int
    participants: Int
    "The words confgraph's fulltext index holds; only there for @fulltext."
    searchText: String
      @selectable(onRead: false, onAggregate: false)
      @filterable(byValue: false, byAggregate: false)
      @sortable(byValue: false)
    event: Event! @relationship(type: "PART_OF", direction: OUT, properties: "Evidence")
    speakers: [Speaker!]! @relationship(type: "PRESENTED", direction: IN, properties: "Presented")
    projects: [Project!]! @relationship(type: "DISCUSSES", direction: OUT, properties: "Evidence")
    recaps: [Recap!]! @relationship(type: "REVIEWS", direction: IN, properties: "Evidence")
  }

  type Speaker @node {
    id: ID!
    sortKey: String
    name: String!
    aliases: [String!]
    bio: String
    role: String
    talks: [Talk!]! @relationship(type: "PRESENTED", direction: OUT, properties: "Presented")
    companies: [Company!]! @relationship(type: "WORKS_AT", direction: OUT, properties: "Evidence")
    "A shortest path (any type and direction, at most 4 hops) to the project of that name, as steps."
    pathToProject(name: String!): [PathStep!]!
      @cypher(
        statement: """
        MATCH (b:Project {name: $name})
        MATCH p = shortestPath((this)-[*..4]-(b))
        UNWIND range(0, length(p)) AS i
        WITH p, i, nodes(p)[i] AS n
        RETURN {
          label: head(labels(n)),
          id: n.id,
          name: coalesce(n.name, n.title),
          via: CASE WHEN i > 0 THEN type(relationships(p)[i - 1]) END
        } AS step
        """
        columnName: "step"
      )
  }

  "One node of a path, and the type of the relationship that reached it (a value, not a node: no queries or mutations)."
  type PathStep @query(read: false, aggregate: false) @mutation(operations: []) {
    label: String!
    id: ID!
    name: String!
    via: String
  }

  type Company @node {
    id: ID!
    sortKey: String
    name: String!
    aliases: [String!]
    speakers: [Speaker!]! @relationship(type: "WORKS_AT", direction: IN, properties: "Evidence")
  }

  type Project @node {
    id: ID!
    sortKey: String
    name: String!
    aliases: [String!]
    homepage: String
    repo: String
    maturity: String
    accepted: String
    incubating: String
    graduated: String
    archived: String
    talks: [Talk!]! @relationship(type: "DISCUSSES", direction: IN, properties: "Evidence")
    recaps: [Recap!]! @relationship(type: "MENTIONS", direction: IN, properties: "Evidence")
  }

  type Recap @node {
    id: ID!
    sortKey: String
    title: String!
    author: String
    published: String
    document: String
    text: String
    event: Event! @relationship(type: "COVERS", direction: OUT, properties: "Evidence")
    talks: [Talk!]! @relationship(type: "REVIEWS", direction: OUT, properties: "Evidence")
    projects: [Project!]! @relationship(type: "MENTIONS", direction: OUT, properties: "Evidence")
  }
`;

const env = process.env;
const port = Number(env.PORT ?? 4000);
const database = env.NEO4J_DATABASE || "neo4j";
const driver = neo4j.driver(
  env.NEO4J_URI || "bolt://127.0.0.1:7687",
  neo4j.auth.basic(env.NEO4J_USER || "neo4j", env.NEO4J_PASSWORD ?? ""),
);
await driver.verifyConnectivity({ database });

const neoSchema = new Neo4jGraphQL({
  typeDefs,
  driver,
  features: {
    // MATCHES (regular expressions) is how the Library filters text ignoring case.
    filters: { String: { MATCHES: true } },
  },
});
const schema = await neoSchema.getSchema();

const yoga = createYoga({
  schema,
  graphqlEndpoint: "/graphql",
  graphiql: false,
  logging: false,
  maskedErrors: true,
  landingPage: false,
  context: () => ({ sessionConfig: { database } }),
});

const server = createServer(yoga);
server.listen(port, "127.0.0.1", () => {
  console.log(`READY http://127.0.0.1:${server.address().port}/graphql`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    driver.close().finally(() => process.exit(0));
  });
}
