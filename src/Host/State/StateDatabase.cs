using Microsoft.Data.Sqlite;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.State;

/// <summary>
/// The host's embedded state store, <c>state.db</c> (SQLite) in <c>data_path</c>: what must survive a restart
/// and be shared by every process on one configuration (the audit log, idempotency keys, the outcomes of
/// handed-off changes, policy budgets). SQLite serialises writers across processes; WAL lets readers and the writer work at once.
/// </summary>
internal sealed class StateDatabase
{
    private readonly string _connection;

    public StateDatabase(HostSettings settings)
    {
        Directory.CreateDirectory(settings.DataPath);
        Path = System.IO.Path.Combine(settings.DataPath, "state.db");
        _connection = new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 10 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS idempotency (
                key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, created INTEGER NOT NULL,
                status INTEGER, content_type TEXT, body BLOB);
            CREATE TABLE IF NOT EXISTS policy_budget (rule TEXT NOT NULL, token TEXT NOT NULL, at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS policy_budget_use ON policy_budget (rule, token, at);
            CREATE TABLE IF NOT EXISTS audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, change TEXT NOT NULL, superseded INTEGER NOT NULL DEFAULT 0,
                time INTEGER NOT NULL, token TEXT, target TEXT, vm TEXT, outcome TEXT NOT NULL, record TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS audit_change ON audit (change);
            CREATE INDEX IF NOT EXISTS audit_current ON audit (superseded, seq);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS approval (
                id TEXT PRIMARY KEY, state TEXT NOT NULL, rule TEXT NOT NULL, operation TEXT NOT NULL, token TEXT NOT NULL,
                target TEXT NOT NULL, subject TEXT, arguments TEXT NOT NULL, fingerprint TEXT NOT NULL, created INTEGER NOT NULL,
                expires INTEGER NOT NULL, decided_by TEXT, decided_at INTEGER, reason TEXT);
            CREATE INDEX IF NOT EXISTS approval_call ON approval (token, fingerprint, state);
            CREATE TABLE IF NOT EXISTS task_outcome (
                target TEXT NOT NULL, task TEXT NOT NULL, created INTEGER NOT NULL, result TEXT NOT NULL,
                PRIMARY KEY (target, task));
            """;
        command.ExecuteNonQuery();
        AddColumn(connection, "idempotency", "location", "TEXT"); // Added in 2.2: a replayed 201 or 202 says where again.
    }

    /// <summary>Adds a column a newer host needs to a table an older one made; nothing when it is there.</summary>
    private static void AddColumn(SqliteConnection connection, string table, string column, string type)
    {
        using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if (Convert.ToInt64(columns.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var add = connection.CreateCommand();
            add.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
            try
            {
                add.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process on this configuration added it first.
            }
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>An open connection; dispose it when done (connections are pooled).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connection);
        connection.Open();
        return connection;
    }
}
