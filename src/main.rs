fn main() {
    std::process::exit(tongbiao::output::run());
}
