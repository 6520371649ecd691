import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A tiny psql stand-in for machines without the PostgreSQL client: runs each statement in autocommit
 * (CREATE/DROP DATABASE refuse transactions) and prints the first column of each result row.
 * {@code java -cp postgresql.jar deploy/postgres/Sql.java PORT DATABASE STATEMENT...}
 */
public class Sql {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Sql PORT DATABASE STATEMENT...");
            System.exit(2);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + args[0] + "/" + args[1];
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        try (var connection = DriverManager.getConnection(url, "postgres", password);
             var statement = connection.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                if (statement.execute(args[i])) {
                    try (var rows = statement.getResultSet()) {
                        while (rows.next()) {
                            System.out.println(rows.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }
}
