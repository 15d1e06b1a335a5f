using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mapper.Console.Store.Migrations
{
    /// <inheritdoc />
    public partial class SliMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sli_minutes",
                columns: table => new
                {
                    MinuteStart = table.Column<string>(type: "TEXT", nullable: false),
                    Requests = table.Column<long>(type: "INTEGER", nullable: false),
                    Fallbacks = table.Column<long>(type: "INTEGER", nullable: false),
                    ModelValid = table.Column<long>(type: "INTEGER", nullable: false),
                    ModelInvalid = table.Column<long>(type: "INTEGER", nullable: false),
                    HttpResponses = table.Column<long>(type: "INTEGER", nullable: false),
                    Http5xx = table.Column<long>(type: "INTEGER", nullable: false),
                    SchemaValidPercent = table.Column<double>(type: "REAL", nullable: true),
                    FallbackPercent = table.Column<double>(type: "REAL", nullable: true),
                    P95LatencySeconds = table.Column<double>(type: "REAL", nullable: true),
                    Http5xxPercent = table.Column<double>(type: "REAL", nullable: true),
                    MaxQueueLagSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sli_minutes", x => x.MinuteStart);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sli_minutes");
        }
    }
}
