fn main() {
    baogao_app::start();
}
