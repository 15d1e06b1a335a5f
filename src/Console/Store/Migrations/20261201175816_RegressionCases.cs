using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mapper.Console.Store.Migrations
{
    /// <inheritdoc />
    public partial class RegressionCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "regression_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Detector = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Output = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ExpectedLabels = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DeletedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regression_cases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_regression_cases_DeletedAt",
                table: "regression_cases",
                column: "DeletedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regression_cases");
        }
    }
}
