fn main() {
    std::process::exit(tongbiao::cli::run());
}
