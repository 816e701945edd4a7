// The floor for `pumplog --version`: a C++ program that prints one line.
#include <iostream>
int main() {
    std::cout << "trivial 1.0\n";
    return 0;
}
