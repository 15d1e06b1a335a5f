using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mapper.Console.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the console.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MapperDbContext>
{
    public MapperDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MapperDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
